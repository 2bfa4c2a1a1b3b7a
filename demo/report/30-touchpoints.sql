-- Touchpoint correlation: which touchpoint's satisfaction moves
-- with the customer's overall likelihood to recommend that quarter?
\echo
\echo '== Touchpoint satisfaction vs. likelihood to recommend (relationship survey) ==='
\echo '(rank correlations over the joint count table; 95% Fisher-z interval for Spearman)'
SELECT rank() OVER (ORDER BY spearman(p) DESC) AS rank,
       touchpoint,
       responses(p) AS pairs,
       round(spearman(p)::numeric, 3) AS spearman,
       '[' || round(spearman_lower(p)::numeric, 3) || ', ' || round(spearman_upper(p)::numeric, 3) || ']' AS "95% interval",
       round(kendall_tau(p)::numeric, 3) AS "kendall tau-b",
       round(goodman_gamma(p)::numeric, 3) AS gamma,
       CASE WHEN spearman_p(p) < 1e-300 THEN '< 1e-300'
            ELSE to_char(spearman_p(p), '9.9EEEE') END AS p_value
FROM (SELECT r.touchpoint, rating_pairs_agg(r.satisfaction, q.recommend) AS p
      FROM responses r
      JOIN relationship_survey q
        ON q.customer_id = r.customer_id
       AND r.answered_at >= q.quarter AND r.answered_at < q.quarter + interval '3 months'
      GROUP BY r.touchpoint) x
ORDER BY rank;
