-- Touchpoint correlation.  Expected values: test/reference/pairs.py
-- recomputes each one from the same data with SciPy 1.10: pearsonr,
-- spearmanr, kendalltau (method='asymptotic'), chi2_contingency
-- (correction=False); gamma by counting concordant and discordant cell pairs
-- in NumPy, Cramer's V from chi2, the interval as
-- tanh(atanh(rho) -+ z / sqrt(n - 3)); and checks the literals below against
-- them (/usr/bin/python3 test/reference/pairs.py; this test does not need
-- Python).
-- Data set L (1899 pairs, heavy ties): i = 1..2000,
--   x = 1 + (i*7) % 5, NULL when i % 37 = 0
--   y = greatest(0, least(10, 2x + (i*13) % 7 - 3 + (i/7) % 3 - 1)), NULL when i % 41 = 0
-- Data set S (20 pairs, weak correlation) is listed below.
\ir helpers.psql
SELECT plan(48);

CREATE TEMP TABLE l AS
SELECT i, CASE WHEN i % 37 = 0 THEN NULL ELSE 1 + (i * 7) % 5 END AS x,
       CASE WHEN i % 41 = 0 THEN NULL
            ELSE greatest(0, least(10, 2 * (1 + (i * 7) % 5) + (i * 13) % 7 - 3 + (i / 7) % 3 - 1)) END AS y
FROM generate_series(1, 2000) i;
CREATE TEMP TABLE s AS
SELECT unnest('{1,1,1,2,2,2,3,3,3,3,4,4,5,5,5,1,2,3,4,5}'::int[]) AS x,
       unnest('{0,5,9,7,7,10,3,8,8,9,6,10,9,10,4,8,2,7,9,10}'::int[]) AS y;
CREATE TEMP TABLE t AS
SELECT (SELECT rating_pairs_agg(x, y) FROM l) AS pl, (SELECT rating_pairs_agg(x, y) FROM s) AS ps;

-- Data set L
SELECT is(responses(pl), 1899::bigint, 'rows with a NULL on either side are skipped') FROM t;
SELECT pg_temp.is_close(got, want, descr, 1e-10) FROM t, LATERAL (VALUES
    (pearson(pl), 0.7951239525364393, 'pearson'),
    (spearman(pl), 0.7985520325025407, 'spearman, heavy ties'),
    (kendall_tau(pl), 0.6642388784233028, 'kendall tau-b'),
    (goodman_gamma(pl), 0.7640989573842287, 'gamma = (1171367 - 156639) / (1171367 + 156639)'),
    (cramers_v(pl), 0.46487836301772073, 'cramers_v'),
    (spearman_lower(pl), 0.78164728536724, 'spearman_lower 95%'),
    (spearman_upper(pl), 0.8142844456896311, 'spearman_upper 95%'),
    (spearman_lower(pl, 0.90), 0.7844466959342897, 'spearman_lower 90%')) v(got, want, descr);
SELECT ok(pearson_p(pl) < 1e-300 AND spearman_p(pl) < 1e-300 AND chi_square_p(pl) < 1e-300,
          'p-values of a strong correlation over 1899 pairs are below 1e-300 (SciPy: 0.0)') FROM t;
-- Margins: x 1..5 = 381,379,379,380,380; y 0..10 = 128,92,128,142,179,180,199,184,180,143,344.
SELECT is(x_ratings(pl, 1, 5)::text, 'scale=1..5 n={381,379,379,380,380}', 'x margin as ratings') FROM t;
SELECT is(y_ratings(pl, 0, 10)::text, 'scale=0..10 n={128,92,128,142,179,180,199,184,180,143,344}',
          'y margin as ratings') FROM t;
SELECT pg_temp.is_close(nps(y_ratings(pl, 0, 10)), 100.0 * (143 + 344 - (128+92+128+142+179+180+199)) / 1899,
                        'nps(y_ratings(p, 0, 10))') FROM t;
SELECT is(spearman(x, y), (SELECT spearman(pl) FROM t), 'spearman(x, y) aggregate = spearman(rating_pairs_agg)') FROM l;
SELECT is(kendall_tau(x, y), (SELECT kendall_tau(pl) FROM t), 'kendall_tau(x, y) aggregate') FROM l;
SELECT pg_temp.is_close(spearman(x::numeric, y::float8 / 1), 0.7985520325025407, 'numeric and double precision inputs')
FROM (SELECT x, y FROM l) z WHERE false OR true;

-- Data set S: x = 1,1,1,2,2,2,3,3,3,3,4,4,5,5,5,1,2,3,4,5
--             y = 0,5,9,7,7,10,3,8,8,9,6,10,9,10,4,8,2,7,9,10
SELECT pg_temp.is_close(got, want, descr, tol) FROM t, LATERAL (VALUES
    (pearson(ps), 0.35649124491659295, 'small: pearson', 1e-10),
    (pearson_p(ps), 0.12287342963085297, 'small: pearson_p', 1e-9),
    (spearman(ps), 0.3805468947008965, 'small: spearman', 1e-10),
    (spearman_p(ps), 0.09787654673773831, 'small: spearman_p', 1e-9),
    (kendall_tau(ps), 0.31444200585725735, 'small: kendall tau-b', 1e-10),
    (kendall_p(ps), 0.07996998270113212, 'small: kendall_p, tie-corrected', 1e-9),
    (goodman_gamma(ps), 0.3611111111111111, 'small: gamma', 1e-10),
    (chi_square_p(ps), 0.34665336003487407, 'small: chi-square p', 1e-9),
    (cramers_v(ps), 0.6959705453537527, 'small: cramers_v', 1e-10),
    (spearman_lower(ps), -0.0745236660718423, 'small: spearman_lower', 1e-10),
    (spearman_upper(ps), 0.704440038182485, 'small: spearman_upper', 1e-10)) v(got, want, descr, tol);

-- Degenerate: constant axis, too few rows, no rows.
SELECT is(spearman(p), NULL, 'constant x: NULL') FROM (SELECT 'x={3} y={1,2} n={{4,5}}'::rating_pairs p) z;
SELECT is(pearson_p(p), NULL, 'two pairs: no p-value') FROM (SELECT 'x={1,2} y={1,2} n={{1,0},{0,1}}'::rating_pairs p) z;
SELECT is(spearman_lower(p), NULL, 'three pairs: no interval')
FROM (SELECT 'x={1,2,3} y={1,2,3} n={{1,0,0},{0,1,0},{0,0,1}}'::rating_pairs p) z;
SELECT is(rating_pairs_agg(x, y)::text, NULL, 'no rows: NULL') FROM l WHERE false;
SELECT is(rating_pairs_agg(NULL::int, 1)::text, NULL, 'only NULL rows: NULL');

-- Text and binary forms; sparse axes are fine (distinct values, not a span).
SELECT is(rating_pairs_agg(x, y)::text, 'x={-5,1000} y={0,10} n={{1,0},{1,2}}', 'text form with sparse axes')
FROM (VALUES (1000, 10), (-5, 0), (1000, 0), (1000, 10)) v(x, y);
SELECT is(p::text::rating_pairs::text, p::text, 'text round trip') FROM t, LATERAL (VALUES (pl), (ps)) v(p);
SELECT is(pg_temp.recv_pairs(rating_pairs_send(pl))::text, pl::text, 'binary round trip') FROM t;
SELECT is((pl::jsonb) -> 'x', '[1, 2, 3, 4, 5]'::jsonb, 'jsonb x values') FROM t;

-- Errors
SELECT throws_ok('SELECT rating_pairs_agg(x, 1) FROM generate_series(1, 102) x', '22023',
                 'value 102 would be the 102nd distinct x value of a rating_pairs, which holds at most 101',
                 'more than 101 distinct values');
SELECT throws_ok('SELECT rating_pairs_agg(1.5, 1.0)', '22003', NULL, 'non-integral value');
SELECT throws_ok('SELECT spearman_lower(''x={1,2} y={1,2} n={{1,0},{0,1}}''::rating_pairs, 1.5)', '22023',
                 'confidence 1.5 is out of range', 'confidence out of range');
SELECT throws_ok('SELECT y_ratings(''x={1} y={12} n={{1}}''::rating_pairs, 0, 10)', '22003',
                 'score 12 is outside the scale 0..10', 'margin value outside lo..hi');
SELECT throws_ok('SELECT ''x={1,2} y={1} n={{1}}''::rating_pairs', '22P02', NULL, 'too few rows');
SELECT throws_ok('SELECT ''x={2,1} y={1} n={{1},{1}}''::rating_pairs', '22P02', 'invalid rating_pairs value', 'x not increasing');
SELECT throws_ok($$SELECT pg_temp.recv_pairs('\x02000000000100000001000000000000000100000000000000010000000000000001')$$,
                 '22P03', 'invalid rating_pairs value', 'binary version 2');

-- Plans: parallel and rollup equal serial; a moving frame equals recomputation.
\ir force_parallel.psql
CREATE TABLE big AS SELECT i, x, y FROM l, generate_series(1, 20) k;
ANALYZE big;
SELECT matches(pg_temp.plan_of('SELECT rating_pairs_agg(x, y) FROM big'), 'Partial Aggregate',
               'forced parallel plan has a Partial Aggregate');
SELECT is((SELECT rating_pairs_agg(x, y)::text FROM big),
          (SELECT rating_pairs_agg(x, y)::text FROM l, generate_series(1, 20) k WHERE k > 0),
          'parallel = serial, bit for bit');
RESET max_parallel_workers_per_gather;
SELECT is((SELECT rollup(p)::text FROM (SELECT i % 7 AS g, rating_pairs_agg(x, y) AS p FROM l GROUP BY 1) d),
          (SELECT pl::text FROM t), 'rollup of stored tables = the raw table');
SELECT is(count(*) FILTER (WHERE w.p IS NOT DISTINCT FROM x.p), 300::bigint, 'sliding frame of 50 rows = recomputation')
FROM (SELECT i, rating_pairs_agg(x, y) OVER (ORDER BY i ROWS BETWEEN 49 PRECEDING AND CURRENT ROW)::text AS p
      FROM l WHERE i <= 300) w
JOIN LATERAL (SELECT rating_pairs_agg(x, y)::text AS p FROM l l2 WHERE l2.i BETWEEN w.i - 49 AND w.i) x ON true;

SELECT * FROM finish();
ROLLBACK;
