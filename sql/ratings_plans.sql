-- The plans users hit: parallel aggregation, partitionwise aggregation and
-- moving window frames.  Results are compared to a serial computation of the
-- same thing, so every `same` column must read t.
SET extra_float_digits = 0;
SET jit = off;
\set ECHO none
\i test/plan_shape.psql
\set ECHO all

CREATE TABLE answers (id int, touchpoint text, day date, recommend int, effort int, w float8);
INSERT INTO answers
SELECT i,
       (ARRAY['need','offer','order','delivery','invoice','support'])[1 + i % 6],
       date '2026-01-01' + (i % 90),
       CASE WHEN i % 17 = 0 THEN NULL ELSE least(10, (i * 7) % 11 + i % 3) END,
       1 + (i * 5) % 7,
       1 + (i % 4)
FROM generate_series(1, 60000) i;
ANALYZE answers;

CREATE TEMP TABLE serial AS
SELECT touchpoint, nps_agg(recommend)::text AS r, nps_agg(recommend, w)::text AS rw,
       effort_agg(effort)::text AS e
FROM answers GROUP BY touchpoint;

-- Forced parallel plan: the aggregate runs as Partial Aggregate in workers.
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
SELECT pg_temp.plan_shape($$
    SELECT touchpoint, nps_agg(recommend), nps_agg(recommend, w), effort_agg(effort)
    FROM answers GROUP BY touchpoint$$) ~ '^Finalize Aggregate\(.*Gather.*\(Partial Aggregate\(Parallel Seq Scan' AS partial_in_workers;
SELECT p.touchpoint, p.r = s.r AND p.rw = s.rw AND p.e = s.e AS same
FROM (SELECT touchpoint, nps_agg(recommend)::text AS r, nps_agg(recommend, w)::text AS rw,
             effort_agg(effort)::text AS e
      FROM answers GROUP BY touchpoint) p
JOIN serial s USING (touchpoint) ORDER BY 1;
SELECT pg_temp.plan_shape('SELECT nps(recommend) FROM answers') ~ '^Finalize Aggregate\(.*Gather.*\(Partial Aggregate\(Parallel Seq Scan' AS partial_in_workers;
SELECT nps(recommend) = (SELECT nps(rollup(r::ratings)) FROM serial) AS same FROM answers;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;

-- Partitionwise aggregation over a table partitioned by touchpoint.
CREATE TABLE answers_p (LIKE answers) PARTITION BY LIST (touchpoint);
CREATE TABLE answers_p1 PARTITION OF answers_p FOR VALUES IN ('need', 'offer', 'order');
CREATE TABLE answers_p2 PARTITION OF answers_p FOR VALUES IN ('delivery', 'invoice', 'support');
INSERT INTO answers_p SELECT * FROM answers;
ANALYZE answers_p;
SET enable_partitionwise_aggregate = on;
-- Grouped by the partition key: one whole aggregate per partition.
SELECT pg_temp.plan_shape('SELECT touchpoint, nps_agg(recommend) FROM answers_p GROUP BY touchpoint')
       ~ '^Append\(Aggregate\(Seq Scan\), Aggregate\(Seq Scan\)\)$' AS per_partition;
SELECT p.touchpoint, p.r = s.r AS same
FROM (SELECT touchpoint, nps_agg(recommend)::text AS r FROM answers_p GROUP BY touchpoint) p
JOIN serial s USING (touchpoint) ORDER BY 1;
-- Grouped by a key that is not the partition key: partial aggregates per
-- partition, combined above the Append.
SELECT pg_temp.plan_shape('SELECT day, nps_agg(recommend) FROM answers_p GROUP BY day')
       ~ '^Finalize Aggregate\(.*Append\(Partial Aggregate\(Seq Scan\), Partial Aggregate\(Seq Scan\)\)' AS partial_per_partition;
SELECT count(*) AS days, bool_and(p.r = s.r) AS same
FROM (SELECT day, nps_agg(recommend)::text AS r FROM answers_p GROUP BY day) p
JOIN (SELECT day, nps_agg(recommend)::text AS r FROM answers GROUP BY day) s USING (day);
RESET enable_partitionwise_aggregate;

-- Moving frames use the inverse transition; each row must equal the
-- aggregate recomputed over the same rows.
SELECT pg_temp.plan_shape($$
    SELECT nps(recommend) OVER (ORDER BY id ROWS BETWEEN 99 PRECEDING AND CURRENT ROW) FROM answers$$)
       ~ '^WindowAgg\(' AS window_agg;
SELECT count(*) AS rows, bool_and(w.r IS NOT DISTINCT FROM x.r) AS same
FROM (SELECT id, nps_agg(recommend) OVER (ORDER BY id ROWS BETWEEN 99 PRECEDING AND CURRENT ROW)::text AS r
      FROM answers WHERE id <= 3000) w
JOIN LATERAL (SELECT nps_agg(recommend)::text AS r FROM answers a
              WHERE a.id BETWEEN w.id - 99 AND w.id) x ON true;
-- Integer weights stay exact, so the weighted frame matches too.
SELECT count(*) AS rows, bool_and(w.r IS NOT DISTINCT FROM x.r) AS same
FROM (SELECT id, nps_agg(recommend, w) OVER (ORDER BY id ROWS BETWEEN 49 PRECEDING AND CURRENT ROW)::text AS r
      FROM answers WHERE id <= 2000) w
JOIN LATERAL (SELECT nps_agg(recommend, w)::text AS r FROM answers a
              WHERE a.id BETWEEN w.id - 49 AND w.id) x ON true;
-- Fractional weights round, so the inverse declines and PostgreSQL
-- recomputes: the figures still match a recomputation to rounding.
SELECT count(*) AS rows,
       bool_and(abs(w.v - x.v) <= 1e-12 * greatest(abs(x.v), 1)) AS same
FROM (SELECT id, nps(recommend, w / 3) OVER (ORDER BY id ROWS BETWEEN 49 PRECEDING AND CURRENT ROW) AS v
      FROM answers WHERE id <= 2000) w
JOIN LATERAL (SELECT nps(recommend, w / 3) AS v FROM answers a
              WHERE a.id BETWEEN w.id - 49 AND w.id) x ON true;
-- A frame of NULL answers only gives NULL, as the plain aggregate does.
SELECT i, s, nps_agg(s) OVER (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW),
       ratings_agg(s, 0, 10) OVER (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
FROM (VALUES (1, 10), (2, NULL), (3, NULL), (4, 3)) v(i, s) ORDER BY i;

-- rollup of stored daily summaries equals the raw computation.
CREATE TABLE daily AS
SELECT day, touchpoint, nps_agg(recommend) AS r, nps_agg(recommend, w) AS rw
FROM answers GROUP BY day, touchpoint;
SELECT d.touchpoint, d.r = s.r AND d.rw = s.rw AS same
FROM (SELECT touchpoint, rollup(r)::text AS r, rollup(rw)::text AS rw FROM daily GROUP BY touchpoint) d
JOIN serial s USING (touchpoint) ORDER BY 1;
-- rollup as a moving window over days: a rolling 7-day NPS.
SELECT count(*) AS days, bool_and(w.r IS NOT DISTINCT FROM x.r) AS same
FROM (SELECT day, rollup(r) OVER (ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW)::text AS r
      FROM daily WHERE touchpoint = 'order') w
JOIN LATERAL (SELECT nps_agg(recommend)::text AS r FROM answers a
              WHERE a.touchpoint = 'order'
                AND a.day IN (SELECT day FROM daily d WHERE d.touchpoint = 'order' AND d.day <= w.day
                              ORDER BY day DESC LIMIT 7)) x ON true;
