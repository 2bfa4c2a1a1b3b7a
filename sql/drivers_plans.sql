-- The plans users hit with driver_agg and rollup(driver_matrix): parallel
-- aggregation, partitionwise aggregation, window frames, and rollups of
-- stored matrices.
-- The co-moments are floating point, so plans agree to rounding, not to the
-- bit: every `same` column compares the counts exactly and the
-- moments, r_squared and every key_drivers column to 1e-12 relative.
SET extra_float_digits = 0;
SET jit = off;
\set ECHO none
\i test/plan_shape.psql
\set ECHO all

-- 40,000 respondents, 8 touchpoints with gaps, outcome 0..10.
CREATE TABLE dm_survey (id int, segment text, day date, y float8, x float8[]);
INSERT INTO dm_survey
SELECT i, (ARRAY['north', 'south', 'east', 'west'])[1 + i % 4], date '2026-01-01' + i % 60,
       CASE WHEN i % 29 = 0 THEN NULL
            ELSE least(10, (3 * d[1] + 2 * d[2] + 2 * d[3] + d[4] + d[5] + 2 * d[6] + d[7] + d[8]
                            + (i * 19) % 9) / 5) END,
       ARRAY[d[1],
             CASE WHEN i % 7 = 2 THEN NULL ELSE d[2] END,
             CASE WHEN i % 5 = 1 THEN NULL ELSE d[3] END,
             CASE WHEN i % 11 IN (3, 4) THEN NULL ELSE d[4] END,
             d[5],
             CASE WHEN i % 13 = 6 THEN NULL ELSE d[6] END,
             CASE WHEN i % 3 = 0 THEN NULL ELSE d[7] END,
             d[8]]
FROM (SELECT i, ARRAY[1 + (g + (i * 7 + 3) % 5) / 3, 1 + (g + (i * 13 + 1) % 7) / 4,
                      1 + ((i * 31 + 5) % 9) / 2, 1 + ((i * i) % 13 + g) / 5,
                      1 + ((i * 23) % 10) / 2, 1 + (g + (i * 37) % 17) / 6,
                      1 + ((i * 41 + 7) % 8) / 2, 1 + (g + (i * 43) % 6) / 4]::float8[] AS d
      FROM (SELECT i, (i * 17) % 11 AS g FROM generate_series(1, 40000) i) s) t;
ANALYZE dm_survey;

-- Two matrices hold the same co-moments to rounding: counts exactly, means
-- and sums of squares within tol relative, cross-products within tol of
-- sqrt(m2_x m2_y) (a cross-product near zero is a difference of large terms).
CREATE FUNCTION close_moments(a driver_matrix, b driver_matrix, tol float8) RETURNS boolean
LANGUAGE sql AS $$
    WITH pa AS (SELECT * FROM jsonb_array_elements(a::jsonb -> 'xy' || (a::jsonb -> 'xx')) WITH ORDINALITY e(v, i)),
         pb AS (SELECT * FROM jsonb_array_elements(b::jsonb -> 'xy' || (b::jsonb -> 'xx')) WITH ORDINALITY e(v, i))
    SELECT responses(a) = responses(b) AND drivers(a) = drivers(b)
       AND bool_and((pa.v ->> 'n')::bigint = (pb.v ->> 'n')::bigint
                    AND abs((pa.v ->> 'mean_x')::float8 - (pb.v ->> 'mean_x')::float8)
                        <= tol * abs((pb.v ->> 'mean_x')::float8)
                    AND abs((pa.v ->> 'mean_y')::float8 - (pb.v ->> 'mean_y')::float8)
                        <= tol * abs((pb.v ->> 'mean_y')::float8)
                    AND abs((pa.v ->> 'm2_x')::float8 - (pb.v ->> 'm2_x')::float8) <= tol * (pb.v ->> 'm2_x')::float8
                    AND abs((pa.v ->> 'm2_y')::float8 - (pb.v ->> 'm2_y')::float8) <= tol * (pb.v ->> 'm2_y')::float8
                    AND abs((pa.v ->> 'c')::float8 - (pb.v ->> 'c')::float8)
                        <= tol * sqrt((pb.v ->> 'm2_x')::float8 * (pb.v ->> 'm2_y')::float8))
    FROM pa JOIN pb USING (i)
$$;

-- Two matrices give the same analysis: the co-moments agree, and so do
-- r_squared and every key_drivers column, within tol relative (p-values
-- within 1000 tol: a tiny p-value moves t² times as much as the correlation
-- it comes from; compared as a ratio, as 1e-12 * 1e-300 underflows).
CREATE FUNCTION close_matrices(a driver_matrix, b driver_matrix, tol float8) RETURNS boolean
LANGUAGE sql AS $$
    SELECT close_moments(a, b, tol)
       AND abs(r_squared(a) - r_squared(b)) <= tol * r_squared(b)
       AND (SELECT bool_and(p.responses = q.responses
                            AND abs(p.mean - q.mean) <= tol * abs(q.mean)
                            AND abs(p.correlation - q.correlation) <= tol * abs(q.correlation)
                            AND coalesce(p.p_value = q.p_value
                                         OR abs(p.p_value / nullif(q.p_value, 0) - 1) <= 1e3 * tol, false)
                            AND abs(p.beta - q.beta) <= tol * abs(q.beta)
                            AND abs(p.relative_weight - q.relative_weight) <= tol * q.relative_weight
                            AND abs(p.shapley - q.shapley) <= tol * abs(q.shapley)
                            AND p.importance_rank = q.importance_rank AND p.quadrant = q.quadrant)
            FROM key_drivers(a) p JOIN key_drivers(b) q USING (driver))
$$;

CREATE TEMP TABLE dm_serial AS SELECT segment, driver_agg(y, x) AS m FROM dm_survey GROUP BY segment;
CREATE TEMP TABLE dm_serial_all AS SELECT driver_agg(y, x) AS m FROM dm_survey;
-- The comparisons can fail: two segments are not the same (both f).
SELECT close_moments(a.m, b.m, 1e-12) AS moments_same, close_matrices(a.m, b.m, 1e-12) AS same
FROM dm_serial a, dm_serial b WHERE a.segment = 'north' AND b.segment = 'south';
-- The analysis is well defined in every segment: no error, R² in (0, 1),
-- 8 drivers, and responses counts the rows with an outcome (count(y) of the
-- raw rows, an independent count).
SELECT s.segment, responses(s.m) = c.n AS responses_ok, r_squared(s.m) > 0 AND r_squared(s.m) < 1 AS r2_ok,
       (SELECT count(*) FROM key_drivers(s.m)) AS drivers
FROM dm_serial s JOIN (SELECT segment, count(y) AS n FROM dm_survey GROUP BY segment) c USING (segment)
ORDER BY segment;

-- Forced parallel plans: the aggregate runs as a Partial Aggregate in workers.
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
SELECT pg_temp.plan_shape('SELECT segment, driver_agg(y, x) FROM dm_survey GROUP BY segment')
       ~ '^Finalize Aggregate\(.*Gather.*\(Partial Aggregate\(Parallel Seq Scan' AS partial_in_workers;
SELECT p.segment, close_matrices(p.m, s.m, 1e-12) AS same
FROM (SELECT segment, driver_agg(y, x) AS m FROM dm_survey GROUP BY segment) p
JOIN dm_serial s USING (segment) ORDER BY 1;
SELECT pg_temp.plan_shape('SELECT driver_agg(y, x) FROM dm_survey') ~ '^Finalize Aggregate\(.*Gather.*\(Partial Aggregate\(Parallel Seq Scan' AS partial_in_workers;
SELECT close_matrices(driver_agg(y, x), (SELECT m FROM dm_serial_all), 1e-12) AS same FROM dm_survey;

-- Stored daily matrices, rolled up, equal the raw computation; in a
-- forced parallel plan too.
CREATE TABLE dm_daily AS SELECT day, segment, driver_agg(y, x) AS m FROM dm_survey GROUP BY day, segment;
ANALYZE dm_daily;
SELECT pg_temp.plan_shape('SELECT segment, rollup(m) FROM dm_daily GROUP BY segment')
       ~ '^Finalize Aggregate\(.*Gather.*\(Partial Aggregate\(Parallel Seq Scan' AS partial_in_workers;
SELECT d.segment, close_matrices(d.m, s.m, 1e-12) AS same
FROM (SELECT segment, rollup(m) AS m FROM dm_daily GROUP BY segment) d
JOIN dm_serial s USING (segment) ORDER BY 1;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;
SELECT d.segment, close_matrices(d.m, s.m, 1e-12) AS same
FROM (SELECT segment, rollup(m) AS m FROM dm_daily GROUP BY segment) d
JOIN dm_serial s USING (segment) ORDER BY 1;
SELECT close_matrices(rollup(m), (SELECT m FROM dm_serial_all), 1e-12) AS same FROM dm_daily;

-- Partitionwise aggregation over a table partitioned by segment, grouped
-- by day: partial aggregates per partition, combined above the Append.
CREATE TABLE dm_survey_p (LIKE dm_survey) PARTITION BY LIST (segment);
CREATE TABLE dm_survey_p1 PARTITION OF dm_survey_p FOR VALUES IN ('north', 'south');
CREATE TABLE dm_survey_p2 PARTITION OF dm_survey_p FOR VALUES IN ('east', 'west');
INSERT INTO dm_survey_p SELECT * FROM dm_survey;
ANALYZE dm_survey_p;
SET enable_partitionwise_aggregate = on;
SELECT pg_temp.plan_shape('SELECT day, driver_agg(y, x) FROM dm_survey_p GROUP BY day')
       ~ '^Finalize Aggregate\(.*Append\(Partial Aggregate\(Seq Scan\), Partial Aggregate\(Seq Scan\)\)' AS partial_per_partition;
-- (Within one day some drivers do not vary, so compare the co-moments.)
SELECT count(*) AS days, bool_and(close_moments(p.m, s.m, 1e-12)) AS same
FROM (SELECT day, driver_agg(y, x) AS m FROM dm_survey_p GROUP BY day) p
JOIN (SELECT day, driver_agg(y, x) AS m FROM dm_survey GROUP BY day) s USING (day);
SELECT pg_temp.plan_shape('SELECT driver_agg(y, x) FROM dm_survey_p')
       ~ '^Finalize Aggregate\(Append\(Partial Aggregate\(Seq Scan\), Partial Aggregate\(Seq Scan\)\)\)$' AS partial_per_partition;
SELECT close_matrices(driver_agg(y, x), (SELECT m FROM dm_serial_all), 1e-12) AS same FROM dm_survey_p;
RESET enable_partitionwise_aggregate;

-- Window frames.  driver_agg has no inverse transition, so PostgreSQL
-- recomputes a sliding frame from its first row: each frame equals the
-- aggregate over the same rows in the same order, bit for bit.
SELECT count(*) AS rows, bool_and(w.m::text IS NOT DISTINCT FROM x.m::text) AS same
FROM (SELECT id, driver_agg(y, x) OVER (ORDER BY id ROWS BETWEEN 49 PRECEDING AND CURRENT ROW) AS m
      FROM dm_survey WHERE id <= 1000) w
JOIN LATERAL (SELECT driver_agg(y, x ORDER BY id) AS m FROM dm_survey s
              WHERE s.id BETWEEN w.id - 49 AND w.id) x ON true;
SELECT count(*) AS rows, bool_and(w.m::text IS NOT DISTINCT FROM x.m::text) AS same
FROM (SELECT id, driver_agg(y, x) OVER (ORDER BY id) AS m FROM dm_survey WHERE id <= 1000) w
JOIN LATERAL (SELECT driver_agg(y, x ORDER BY id) AS m FROM dm_survey s WHERE s.id <= w.id) x ON true;
-- A frame with no outcome yet is NULL, as the plain aggregate is.
SELECT i, driver_agg(y, ARRAY[x]) OVER (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
FROM (VALUES (1, NULL, 1.0), (2, NULL, 2), (3, 3.0, 5), (4, 1, NULL)) v(i, y, x) ORDER BY i;
-- rollup as a moving window over stored days: a rolling 7-day analysis.
SELECT count(*) AS days,
       bool_and(close_matrices(w.m, x.m, 1e-12)) AS same
FROM (SELECT day, rollup(m) OVER (ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS m
      FROM dm_daily WHERE segment = 'north') w
JOIN LATERAL (SELECT driver_agg(y, x) AS m FROM dm_survey s
              WHERE s.segment = 'north'
                AND s.day IN (SELECT day FROM dm_daily d WHERE d.segment = 'north' AND d.day <= w.day
                              ORDER BY day DESC LIMIT 7)) x ON true
-- (north has every 4th day; from the 7th on, each window holds 7 days)
WHERE w.day >= (SELECT min(day) + 24 FROM dm_daily WHERE segment = 'north');

-- Stored matrices survive a binary COPY bit for bit, and roll up the same.
SELECT '/tmp/loyalty_dm_plans_' || pg_backend_pid() AS f \gset
COPY dm_daily TO :'f' WITH (FORMAT binary);
CREATE TABLE dm_daily_copy (LIKE dm_daily);
COPY dm_daily_copy FROM :'f' WITH (FORMAT binary);
SELECT count(*) AS rows, bool_and(c.m::text = d.m::text) AS same
FROM dm_daily d JOIN dm_daily_copy c USING (day, segment);
