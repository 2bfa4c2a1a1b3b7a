-- Margins of error, significance and trend.
\echo
\echo '== NPS with 95% intervals, by touchpoint ======================================='
\echo '(adjusted Wald interval, Rocks 2016; margin = half-width of the Wald interval)'
SELECT touchpoint,
       responses(r)                              AS answers,
       round(nps(r)::numeric, 1)                 AS nps,
       '±' || round(nps_moe(r)::numeric, 1)      AS margin,
       '[' || round(nps_lower(r)::numeric, 1) || ', ' || round(nps_upper(r)::numeric, 1) || ']' AS "95% interval"
FROM (SELECT s.touchpoint, t.step, rollup(s.recommend) AS r
      FROM daily_summary s JOIN touchpoints t USING (touchpoint)
      GROUP BY s.touchpoint, t.step) x
ORDER BY step;

\echo
\echo '== Support, month on month: which changes are real? ============================'
\echo '(two-sample z-test of the NPS against the month before; * p < 0.05, ** p < 0.01)'
SELECT month, answers, nps, "95% interval", change, p_value,
       CASE WHEN p_value < 0.01 THEN '**' WHEN p_value < 0.05 THEN '*' ELSE '' END AS sig
FROM (SELECT to_char(month, 'YYYY-MM') AS month,
             responses(r) AS answers,
             round(nps(r)::numeric, 1) AS nps,
             '[' || round(nps_lower(r)::numeric, 1) || ', ' || round(nps_upper(r)::numeric, 1) || ']' AS "95% interval",
             round((nps(r) - nps(lag(r) OVER w))::numeric, 1) AS change,
             round(nps_test(lag(r) OVER w, r)::numeric, 4) AS p_value
      FROM (SELECT date_trunc('month', day) AS month, rollup(recommend) AS r
            FROM daily_summary WHERE touchpoint = 'support' GROUP BY 1) m
      WINDOW w AS (ORDER BY month)) t
ORDER BY month;

\echo
\echo '== NPS trend per touchpoint (least-squares slope, NPS points per 30 days) ======='
SELECT r.touchpoint,
       round(nps_trend(answered_at, recommend)::numeric, 2) AS "points / 30 days",
       to_char(nps_trend_p(answered_at, recommend), '9.9EEEE') AS p_value,
       CASE WHEN nps_trend_p(answered_at, recommend) >= 0.05 THEN 'flat'
            WHEN nps_trend(answered_at, recommend) < 0 THEN 'FALLING'
            ELSE 'rising' END AS verdict
FROM responses r JOIN touchpoints t USING (touchpoint)
GROUP BY r.touchpoint, t.step ORDER BY t.step;
