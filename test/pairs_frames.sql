-- rating_pairs, second set: p-values in their useful range on a tied data
-- set, every score type, partitionwise and parallel plans of every
-- aggregate, and moving frames whose data spans far more than 101 values.
--
-- Expected values: test/reference/pairs_frames.py recomputes each one and
-- checks the literals below against it (/usr/bin/python3
-- test/reference/pairs_frames.py; this test does not need Python), with
-- SciPy 1.10 from data set M below: pearsonr, spearmanr,
-- kendalltau(method='asymptotic'), chi2_contingency(correction=False) on the
-- 5 x 11 count table; Cramer's V as sqrt(chi2 / (n * (min(r, c) - 1)));
-- gamma by counting concordant (30260) and discordant (24185) pairs of cells
-- in NumPy; the interval as
-- tanh(atanh(rho) -+ norm.ppf(0.5 + confidence / 2) / sqrt(n - 3)).
-- Data set M (387 pairs, 5 x 11 values, heavy ties, weak correlation):
-- i = 1..400, x = 1 + (i*11) % 5, NULL when i % 29 = 0,
-- y = clamp to 0..10 of (i*17) % 11 + 2 [x >= 4 and i % 3 = 0]
--     - 2 [x <= 2 and i % 4 = 0] + 3 [x = 3 and i % 7 < 2].
\ir helpers.psql
SELECT plan(35);

CREATE TEMP TABLE m AS
SELECT i, CASE WHEN i % 29 = 0 THEN NULL ELSE x END AS x,
       greatest(0, least(10, (i * 17) % 11 + CASE WHEN x >= 4 AND i % 3 = 0 THEN 2 ELSE 0 END
                                            - CASE WHEN x <= 2 AND i % 4 = 0 THEN 2 ELSE 0 END
                                            + CASE WHEN x = 3 AND i % 7 < 2 THEN 3 ELSE 0 END)) AS y
FROM generate_series(1, 400) i, LATERAL (SELECT 1 + (i * 11) % 5 AS x) a;
CREATE TEMP TABLE t AS SELECT rating_pairs_agg(x, y) AS p FROM m;

SELECT is(responses(p), 387::bigint, 'M: 400 rows less 13 with a NULL x') FROM t;
SELECT pg_temp.is_close(got, want, descr, tol) FROM t, LATERAL (VALUES
    (pearson(p), 0.12644011084516013, 'M: pearson', 1e-10),
    (pearson_p(p), 0.012798703573596505, 'M: pearson_p', 1e-9),
    (spearman(p), 0.12557555970960652, 'M: spearman', 1e-10),
    (spearman_p(p), 0.013429777825503343, 'M: spearman_p', 1e-9),
    (kendall_tau(p), 0.09520191113395794, 'M: kendall tau-b', 1e-10),
    (kendall_p(p), 0.01428004250115511, 'M: kendall_p (SciPy asymptotic)', 1e-9),
    (goodman_gamma(p), 0.11158049407659106, 'M: gamma = (30260 - 24185) / (30260 + 24185)', 1e-10),
    (cramers_v(p), 0.10711761690415544, 'M: cramers_v (chi2 = 17.76203660169693, 40 df)', 1e-10),
    (chi_square_p(p), 0.9990967037260479, 'M: chi_square_p', 1e-9),
    (spearman_lower(p), 0.026216950233963962, 'M: spearman_lower 95%', 1e-10),
    (spearman_upper(p), 0.22247733738222236, 'M: spearman_upper 95%', 1e-10),
    (spearman_lower(p, 0.99), -0.00520523917881367, 'M: spearman_lower 99% crosses 0', 1e-10),
    (spearman_upper(p, 0.99), 0.25213288814218965, 'M: spearman_upper 99%', 1e-10)) v(got, want, descr, tol);
-- Margins counted in NumPy: x 1..5 = 78,78,77,77,77; y 0..10 as below.
SELECT is(x_ratings(p, 1, 5)::text, 'scale=1..5 n={78,78,77,77,77}', 'M: x margin') FROM t;
SELECT is(y_ratings(p, 0, 10)::text, 'scale=0..10 n={35,29,34,36,35,35,38,33,34,31,47}', 'M: y margin') FROM t;

-- Every score type gives the same table.
SELECT is(rating_pairs_agg(x::smallint, y::smallint)::text, (SELECT p::text FROM t), 'smallint') FROM m;
SELECT is(rating_pairs_agg(x::bigint, y::bigint)::text, (SELECT p::text FROM t), 'bigint') FROM m;
SELECT is(rating_pairs_agg(x::numeric(4,1), y::numeric(4,1))::text, (SELECT p::text FROM t), 'numeric with a scale') FROM m;
SELECT is(rating_pairs_agg(x::float8, y::float8)::text, (SELECT p::text FROM t), 'double precision') FROM m;
SELECT throws_ok('SELECT rating_pairs_agg(2.0::float8, 2.5::float8)', '22003', NULL, 'non-integral double precision');

-- Partitionwise, partitioned by something other than the grouping key.
CREATE TABLE mp (g int, i int, x int, y int) PARTITION BY RANGE (i);
CREATE TABLE mp1 PARTITION OF mp FOR VALUES FROM (MINVALUE) TO (150);
CREATE TABLE mp2 PARTITION OF mp FOR VALUES FROM (150) TO (MAXVALUE);
INSERT INTO mp SELECT i % 3, i, x, y FROM m;
ANALYZE mp;
SET LOCAL enable_partitionwise_aggregate = on;
SELECT matches(pg_temp.plan_of('SELECT g, rating_pairs_agg(x, y) FROM mp GROUP BY g'),
               'Partial (Hash|Group)Aggregate', 'partitionwise plan has partial aggregates');
SELECT is(count(*) FILTER (WHERE w.p = s.p), 3::bigint, 'partitionwise = serial for all three groups')
FROM (SELECT g, rating_pairs_agg(x, y)::text AS p FROM mp GROUP BY g) w
JOIN (SELECT i % 3 AS g, rating_pairs_agg(x, y)::text AS p FROM m GROUP BY 1) s USING (g);
SELECT is(count(*) FILTER (WHERE w.r IS NOT DISTINCT FROM s.r AND w.k IS NOT DISTINCT FROM s.k), 3::bigint,
          'partitionwise spearman and kendall_tau = serial, bit for bit')
FROM (SELECT g, spearman(x, y) AS r, kendall_tau(x, y) AS k FROM mp GROUP BY g) w
JOIN (SELECT i % 3 AS g, spearman(x, y) AS r, kendall_tau(x, y) AS k FROM m GROUP BY 1) s USING (g);
RESET enable_partitionwise_aggregate;

-- Forced parallel plans of spearman(x, y) and rollup(rating_pairs).
\ir force_parallel.psql
CREATE TABLE mbig AS SELECT k, x, y FROM m, generate_series(1, 30) k;
CREATE TABLE stored AS SELECT k, x % 2 AS h, rating_pairs_agg(x, y) AS p FROM mbig GROUP BY 1, 2;
ANALYZE mbig;
ANALYZE stored;
SELECT matches(pg_temp.plan_of('SELECT spearman(x::numeric, y::numeric) FROM mbig'), 'Partial Aggregate',
               'spearman(numeric, numeric): forced parallel plan has a Partial Aggregate');
SELECT is((SELECT spearman(x::numeric, y::numeric) FROM mbig), (SELECT spearman(p) FROM t),
          'parallel spearman over 30 copies = spearman of one copy, bit for bit');
SELECT matches(pg_temp.plan_of('SELECT rollup(p) FROM stored'), 'Partial Aggregate',
               'rollup: forced parallel plan has a Partial Aggregate');
SELECT is((SELECT rollup(p)::text FROM stored), (SELECT rating_pairs_agg(x, y)::text FROM m, generate_series(1, 30) k),
          'parallel rollup of stored tables = the raw table');
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;

-- Moving frames: the whole column spans 200 distinct values, each frame 3
-- or 4; values that left the frame do not count toward the 101.
SELECT is(count(*) FILTER (WHERE w.p IS NOT DISTINCT FROM r.p), 200::bigint,
          'frame of 3 rows over 200 distinct x values = recomputation')
FROM (SELECT i, rating_pairs_agg(i, i % 4) OVER (ORDER BY i ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)::text AS p
      FROM generate_series(1, 200) i) w
JOIN LATERAL (SELECT rating_pairs_agg(j, j % 4)::text AS p FROM generate_series(greatest(1, w.i - 2), w.i) j) r ON true;
SELECT is(count(*) FILTER (WHERE w.p IS NOT DISTINCT FROM r.p), 200::bigint,
          'frame of 4 rows over 200 distinct y values = recomputation')
FROM (SELECT i, rating_pairs_agg(i % 3, 1000 - i) OVER (ORDER BY i ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING)::text AS p
      FROM generate_series(1, 200) i) w
JOIN LATERAL (SELECT rating_pairs_agg(j % 3, 1000 - j)::text AS p
              FROM generate_series(greatest(1, w.i - 2), least(200, w.i + 1)) j) r ON true;
SELECT is(count(*) FILTER (WHERE w.r IS NOT DISTINCT FROM r.r), 200::bigint,
          'moving spearman(x, y) over 200 distinct values = recomputation')
FROM (SELECT i, spearman(i, (i * 7) % 13) OVER (ORDER BY i ROWS BETWEEN 5 PRECEDING AND CURRENT ROW) AS r
      FROM generate_series(1, 200) i) w
JOIN LATERAL (SELECT spearman(j, (j * 7) % 13) AS r FROM generate_series(greatest(1, w.i - 5), w.i) j) r ON true;
SELECT is(count(*) FILTER (WHERE w.p IS NOT DISTINCT FROM r.p), 200::bigint,
          'moving rollup of 200 one-cell tables = recomputation')
FROM (SELECT i, rollup(format('x={%s} y={1} n={{2}}', i)::rating_pairs)
                  OVER (ORDER BY i ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)::text AS p
      FROM generate_series(1, 200) i) w
JOIN LATERAL (SELECT rollup(format('x={%s} y={1} n={{2}}', j)::rating_pairs)::text AS p
              FROM generate_series(greatest(1, w.i - 2), w.i) j) r ON true;
-- A frame that really spans 102 values still fails, naming the limit.
SELECT throws_ok('SELECT rating_pairs_agg(i, 1) OVER (ORDER BY i ROWS BETWEEN 101 PRECEDING AND CURRENT ROW)
                  FROM generate_series(1, 200) i', '22023',
                 'value 102 would be the 102nd distinct x value of a rating_pairs, which holds at most 101',
                 'a frame of 102 distinct values is an error');
-- A frame that has lost every row gives NULL, as a recomputation does.
SELECT is(array_agg(p::text ORDER BY i)::text, '{NULL,"x={1} y={1} n={{1}}","x={1} y={1} n={{1}}",NULL}',
          'frames with no complete pair give NULL')
FROM (SELECT i, rating_pairs_agg(x, y) OVER (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS p
      FROM (VALUES (1, NULL::int, 1), (2, 1, 1), (3, NULL, 2), (4, NULL, NULL)) v(i, x, y)) w;

-- A rollup whose cells each fit bigint but whose total does not.
SELECT throws_ok($$SELECT rollup(p) FROM (VALUES ('x={1,2} y={1} n={{9000000000000000000},{0}}'::rating_pairs),
                                               ('x={1,2} y={1} n={{0},{9000000000000000000}}')) v(p)$$,
                 '22003', 'total count of a rating_pairs is out of range for bigint', 'rollup total out of range');

SELECT * FROM finish();
ROLLBACK;
