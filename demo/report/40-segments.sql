-- Loyalty segmentation: satisfied is not loyal.
\echo
\echo '== Loyalty segments today (each customer''s latest relationship answers) ======='
\echo '(Jones & Sasser: satisfied = 4-5 of 5, loyal = 9-10 of 10)'
WITH latest AS (
    SELECT DISTINCT ON (customer_id) customer_id, satisfaction, recommend, repurchase, cross_buy
    FROM relationship_survey
    ORDER BY customer_id, quarter DESC
)
SELECT loyalty_segment(l.satisfaction, l.recommend)                    AS segment,
       count(*)                                                         AS customers,
       round(100.0 * count(*) / sum(count(*)) OVER (), 1)               AS "% customers",
       to_char(sum(c.annual_revenue), 'FM999G999G999')                    AS revenue,
       round(100.0 * sum(c.annual_revenue) / sum(sum(c.annual_revenue)) OVER (), 1) AS "% revenue",
       round(avg(loyalty_index(l.recommend, l.repurchase, l.cross_buy))::numeric, 1) AS "loyalty index"
FROM latest l JOIN customers c USING (customer_id)
GROUP BY 1 ORDER BY 1;

\echo
\echo '== Revenue at risk: satisfied-but-passive and defecting customers ==============='
WITH latest AS (
    SELECT DISTINCT ON (customer_id) customer_id, satisfaction, recommend
    FROM relationship_survey ORDER BY customer_id, quarter DESC
)
SELECT to_char(sum(c.annual_revenue) FILTER (WHERE loyalty_segment(l.satisfaction, l.recommend) = 'mercenary'), 'FM999G999G999') AS "mercenaries (may leave for a cheaper offer)",
       to_char(sum(c.annual_revenue) FILTER (WHERE loyalty_segment(l.satisfaction, l.recommend) = 'defector'), 'FM999G999G999')  AS "defectors (leaving)"
FROM latest l JOIN customers c USING (customer_id);

\echo
\echo '== Migration between the last two quarters (customers; rows: from, columns: to) =='
SELECT loyalty_segment(a.satisfaction, a.recommend) AS "from \ to",
       count(*) FILTER (WHERE loyalty_segment(b.satisfaction, b.recommend) = 'loyalist')  AS loyalist,
       count(*) FILTER (WHERE loyalty_segment(b.satisfaction, b.recommend) = 'mercenary') AS mercenary,
       count(*) FILTER (WHERE loyalty_segment(b.satisfaction, b.recommend) = 'hostage')   AS hostage,
       count(*) FILTER (WHERE loyalty_segment(b.satisfaction, b.recommend) = 'defector')  AS defector,
       count(*)                                                                           AS total
FROM relationship_survey a
JOIN relationship_survey b
  ON b.customer_id = a.customer_id AND b.quarter = (a.quarter + interval '3 months')::date
WHERE a.quarter = date '2026-06-01'
GROUP BY 1 ORDER BY 1;
