-- Key driver analysis: which touchpoints drive the overall
-- likelihood to recommend, and where do we perform worst on what matters?
-- Long-form answers (customer, touchpoint, score) are pivoted into one
-- driver array per relationship answer; a touchpoint the customer did not
-- visit that quarter is NULL (pairwise deletion).
\echo
\echo '== Key drivers of the likelihood to recommend (relationship survey) ============='
\echo '(relative weight: Johnson 2000; shapley: LMG share of R^2; quadrant: importance vs. performance)'
CREATE TEMP TABLE driver_summary AS
SELECT driver_agg(recommend, drivers) AS m
FROM (SELECT q.recommend::float8 AS recommend,
             ARRAY[avg(r.satisfaction) FILTER (WHERE r.touchpoint = 'need'),
                   avg(r.satisfaction) FILTER (WHERE r.touchpoint = 'offer'),
                   avg(r.satisfaction) FILTER (WHERE r.touchpoint = 'order'),
                   avg(r.satisfaction) FILTER (WHERE r.touchpoint = 'delivery'),
                   avg(r.satisfaction) FILTER (WHERE r.touchpoint = 'invoice'),
                   avg(r.satisfaction) FILTER (WHERE r.touchpoint = 'support')]::float8[] AS drivers
      FROM relationship_survey q
      LEFT JOIN responses r
        ON r.customer_id = q.customer_id
       AND r.answered_at >= q.quarter AND r.answered_at < q.quarter + interval '3 months'
      GROUP BY q.customer_id, q.quarter, q.recommend) per_answer;

SELECT round(r_squared(m)::numeric, 3) AS "R² of recommend on all touchpoints" FROM driver_summary;

SELECT k.importance_rank AS rank, k.driver AS touchpoint, k.responses AS n,
       round(k.mean::numeric, 2) AS "mean sat",
       round(k.correlation::numeric, 3) AS r,
       round(k.beta::numeric, 3) AS beta,
       round(k.relative_weight::numeric, 4) AS "rel. weight",
       round(k.shapley::numeric, 4) AS shapley,
       k.quadrant
FROM driver_summary,
     key_drivers(m, ARRAY['need', 'offer', 'order', 'delivery', 'invoice', 'support']) k
ORDER BY k.importance_rank;
