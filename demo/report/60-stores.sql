-- Comparing many segments at once: 200 stores, this week against the four
-- weeks before.  With 200 tests, about 10 stores pass p < 0.05 by chance
-- alone; the Benjamini-Hochberg adjustment (p_adjust(p, 'BH')) keeps the
-- expected share of false alarms among the flagged stores at 5%.
\echo
\echo '== Which stores really changed this week? (week of 2026-11-23 vs the 4 before) =='
\echo '(change in NPS with its 95% interval; raw p-value of nps_test; BH-adjusted p over all 200 stores)'
CREATE TEMP TABLE store_changes AS
SELECT store_id, before, this_week,
       nps_test(before, this_week) AS p,
       p_adjust(nps_test(before, this_week), 'BH') OVER () AS p_bh
FROM (SELECT store_id,
             rollup(recommend) FILTER (WHERE week <  date '2026-11-23') AS before,
             rollup(recommend) FILTER (WHERE week =  date '2026-11-23') AS this_week
      FROM store_weekly
      WHERE week >= date '2026-11-23' - 28
      GROUP BY store_id) w;

SELECT s.name AS store,
       responses(c.this_week) AS answers,
       round(nps(c.before)::numeric, 1) AS "NPS before",
       round(nps(c.this_week)::numeric, 1) AS "NPS now",
       to_char(nps(c.this_week) - nps(c.before), 'FMSG990.0') AS change,
       '[' || to_char(nps_diff_lower(c.before, c.this_week), 'FMSG990.0') || ', '
           || to_char(nps_diff_upper(c.before, c.this_week), 'FMSG990.0') || ']' AS "95% interval",
       CASE WHEN c.p < 0.0001 THEN '< 0.0001' ELSE to_char(c.p, 'FM0.0000') END AS "raw p",
       CASE WHEN c.p_bh < 0.0001 THEN '< 0.0001' ELSE to_char(c.p_bh, 'FM0.0000') END AS "BH p",
       CASE WHEN c.p_bh < 0.05 THEN 'REAL CHANGE' ELSE 'could be chance' END AS verdict
FROM store_changes c JOIN stores s USING (store_id)
WHERE c.p < 0.05
ORDER BY c.p, s.name;

\echo
\echo '== Flagged at 5%: raw p-values against BH-adjusted ones ==========================='
SELECT count(*) AS stores,
       count(*) FILTER (WHERE p < 0.05) AS "raw p < 0.05",
       count(*) FILTER (WHERE p_bh < 0.05) AS "BH-adjusted p < 0.05",
       count(*) FILTER (WHERE p_adjust_holm < 0.05) AS "Holm-adjusted p < 0.05"
FROM (SELECT p, p_bh, p_adjust(p, 'holm') OVER () AS p_adjust_holm FROM store_changes) x;
