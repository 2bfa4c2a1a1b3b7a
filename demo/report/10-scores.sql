-- The three everyday metrics: overall, by touchpoint, by month (rolled up
-- from the stored daily summaries) and as a rolling 30-day NPS.
\echo
\echo '== Loyalty at a glance (last 12 months) ========================================'
\echo 'NPS: % promoters (9-10) - % detractors (0-6).  CES: mean of 1-7, higher = easier.'
\echo 'CSAT: % answering 4-5 of 5.'
SELECT count(*)                             AS answers,
       round(nps(recommend)::numeric, 1)    AS nps,
       round(ces(effort)::numeric, 2)       AS ces,
       round(csat(satisfaction)::numeric, 1) AS "csat %"
FROM responses;

\echo
\echo '== By touchpoint, in journey order ============================================='
SELECT r.touchpoint,
       responses(nps_agg(recommend))                      AS answers,
       round(nps(recommend)::numeric, 1)                  AS nps,
       round(promoter_pct(nps_agg(recommend))::numeric, 1)  AS "promoters %",
       round(passive_pct(nps_agg(recommend))::numeric, 1)   AS "passives %",
       round(detractor_pct(nps_agg(recommend))::numeric, 1) AS "detractors %",
       round(ces(effort)::numeric, 2)                     AS ces,
       round(csat(satisfaction)::numeric, 1)              AS "csat %"
FROM responses r JOIN touchpoints t USING (touchpoint)
GROUP BY r.touchpoint, t.step
ORDER BY t.step;

\echo
\echo '== By month, rolled up from the stored daily summaries =========================='
\echo '(rollup() adds the daily count tables: exact, and no raw answer is read.)'
SELECT to_char(date_trunc('month', day), 'YYYY-MM')          AS month,
       responses(rollup(recommend))                          AS answers,
       round(nps(rollup(recommend))::numeric, 1)             AS nps,
       round(ces(rollup(effort))::numeric, 2)                AS ces,
       round(csat(rollup(satisfaction))::numeric, 1)         AS "csat %",
       round(nps(rollup(recommend) FILTER (WHERE touchpoint = 'support'))::numeric, 1) AS "support nps",
       round(nps(rollup(recommend) FILTER (WHERE touchpoint = 'delivery'))::numeric, 1) AS "delivery nps"
FROM daily_summary
GROUP BY 1 ORDER BY 1;

\echo
\echo '== Rolling 30-day NPS of support, every second Monday ========================='
\echo '(a moving window over daily summaries: each day adds one summary and drops one)'
SELECT day, answers, nps AS "rolling nps"
FROM (SELECT day,
             responses(rollup(recommend) OVER w)            AS answers,
             round(nps(rollup(recommend) OVER w)::numeric, 1) AS nps
      FROM (SELECT d::date AS day, s.recommend
            FROM generate_series(date '2025-12-01', date '2026-11-30', interval '1 day') d
            LEFT JOIN daily_summary s ON s.day = d::date AND s.touchpoint = 'support') days
      WINDOW w AS (ORDER BY day ROWS BETWEEN 29 PRECEDING AND CURRENT ROW)) rolling
WHERE extract(isodow FROM day) = 1 AND (day - date '2025-12-01') % 14 = 0 AND day >= date '2025-12-29'
ORDER BY day;
