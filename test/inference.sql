-- Margins of error, intervals and tests.  Expected values:
-- test/reference/inference.py recomputes each one independently, with
-- scipy.stats (t.interval, ttest_ind with equal_var=False, linregress,
-- chi2_contingency) where SciPy has the statistic, and the textbook formula
-- in mpmath at 40 digits where it does not (NPS Wald and adjusted Wald,
-- Wilson, Kish, t quantiles), and checks the literals below against them
-- (/usr/bin/python3 test/reference/inference.py; this test does not need
-- Python).  Data set A is the one of
-- ratings_values.sql (test/dataset_a.psql): i = 1..1000, score = least(10,
-- (i*7) % 11 + i % 3), weight = 1 + (i % 4) * 0.5; 272 promoters, 545
-- detractors; B is its first 300 rows.
\ir helpers.psql
\ir dataset_a.psql
SELECT plan(51);

-- Effective sample size: unweighted n; weighted 1750^2 / 3375.
SELECT is(effective_responses(r), 1000::float8, 'effective_responses unweighted = n') FROM s;
SELECT pg_temp.is_close(effective_responses(rw), 907.4074074074074, 'Kish n = 1750^2 / 3375') FROM s;

-- NPS margin and intervals.  p+ = .272, p- = .545, Var = .817 - .273^2.
SELECT pg_temp.is_close(nps_moe(r), 5.340572789560674, 'nps_moe 95%') FROM s;
SELECT pg_temp.is_close(nps_moe(r, 0.90), 4.481949970610645, 'nps_moe 90%') FROM s;
SELECT pg_temp.is_close(nps_lower(r, 0.95, 'wald'), -32.64057278956067, 'Wald lower') FROM s;
SELECT pg_temp.is_close(nps_upper(r, 0.95, 'wald'), -21.959427210439326, 'Wald upper') FROM s;
SELECT pg_temp.is_close(nps_lower(r), -32.54911829506636, 'adjusted Wald lower (default)') FROM s;
SELECT pg_temp.is_close(nps_upper(r), -21.88757163514301, 'adjusted Wald upper (default)') FROM s;
SELECT pg_temp.is_close(nps_lower(r, 0.99), -34.22416867523502, 'adjusted Wald lower 99%') FROM s;
SELECT pg_temp.is_close(nps_upper(r, 0.99), -20.21252125497435, 'adjusted Wald upper 99%') FROM s;
-- Weighted: shares from the weights, n from Kish.
SELECT pg_temp.is_close(nps_moe(rw), 5.603340228311273, 'weighted nps_moe') FROM s;
SELECT pg_temp.is_close(nps_lower(rw, 0.95, 'wald'), -32.97476879973984, 'weighted Wald lower') FROM s;
SELECT pg_temp.is_close(nps_upper(rw, 0.95, 'wald'), -21.7680883431173, 'weighted Wald upper') FROM s;
SELECT pg_temp.is_close(nps_lower(rw), -32.87325841249234, 'weighted adjusted Wald lower') FROM s;
SELECT pg_temp.is_close(nps_upper(rw), -21.689208533522873, 'weighted adjusted Wald upper') FROM s;
-- Only promoters: Wald has no width; adjusted Wald does, and is clamped at 100.
SELECT is(nps_lower(r, 0.95, 'wald') || ' ' || nps_upper(r, 0.95, 'wald'), '100 100', 'Wald of all promoters')
FROM (SELECT 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,5}'::ratings r) x;
SELECT ok(nps_lower(r) < 100 AND nps_upper(r) = 100, 'adjusted Wald of all promoters: below 100, clamped at 100')
FROM (SELECT 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,5}'::ratings r) x;

-- NPS tests
SELECT pg_temp.is_close(nps_test(r, rb), 0.9578481095001147, 'nps_test(A, first 300 of A)', 1e-9) FROM s;
SELECT pg_temp.is_close(nps_benchmark_test(r, -25), 0.39861983946351454, 'nps_benchmark_test vs -25, two-sided', 1e-9) FROM s;
SELECT pg_temp.is_close(nps_benchmark_test(r, -25, 'less'), 0.19930991973175727, 'nps_benchmark_test vs -25, less', 1e-9) FROM s;
SELECT pg_temp.is_close(nps_benchmark_test(r, -25, 'greater'), 0.8006900802682427, 'nps_benchmark_test vs -25, greater', 1e-9) FROM s;
SELECT pg_temp.is_close(nps_benchmark_test(r, -30, 'greater'), 0.1608704440674248, 'nps_benchmark_test vs -30, greater', 1e-9) FROM s;
-- Deep in the tail (z = -20.0012): mpmath ncdf gives 2.6864192353027112e-89.
SELECT pg_temp.is_close(nps_benchmark_test(r, 27.2, 'less'), 2.6864192353027112e-89, 'p-value of z = -20, full precision', 1e-9) FROM s;

-- Mean intervals and Welch's test.  CES answers 1 + (i*5) % 7, i = 1..700
-- without multiples of 13 (647 answers); C2: 1 + (i*3) % 7, i = 1..200.
CREATE TEMP TABLE m AS
SELECT (SELECT effort_agg(1 + (i * 5) % 7) FROM generate_series(1, 700) i WHERE i % 13 <> 0) AS c1,
       (SELECT effort_agg(1 + (i * 3) % 7) FROM generate_series(1, 200) i) AS c2,
       (SELECT effort_agg(x) FROM unnest('{1,2,2,7}'::int[]) x) AS small1,
       (SELECT effort_agg(x) FROM unnest('{5,6,7}'::int[]) x) AS small2;
SELECT pg_temp.is_close(mean_lower(c1), 3.843907600051117, 'mean_lower 95% (scipy t.interval)') FROM m;
SELECT pg_temp.is_close(mean_upper(c1), 4.153001209840691, 'mean_upper 95%') FROM m;
-- For 199 df at 99% SciPy's t.ppf (2.600760216031323) is off by 1e-11; these
-- two use the quantile found by mpmath at 40 digits, 2.6007602160585162.
SELECT pg_temp.is_close(mean_lower(c2, 0.99), 3.6517536486090543, 'mean_lower 99%') FROM m;
SELECT pg_temp.is_close(mean_upper(c2, 0.99), 4.388246351390946, 'mean_upper 99%') FROM m;
-- For 3 df, SciPy 1.10's t.ppf(0.975, 3) is off by 1.7e-13; this uses the
-- exact quantile (closed-form t with 3 df, checked by the reference script).
SELECT pg_temp.is_close(mean_lower(small1), -1.3090526674694458, 'mean_lower of 4 answers, 3 df: not clamped to the scale') FROM m;
SELECT pg_temp.is_close(mean_test(c1, c2), 0.8942732765121459, 'Welch p-value (scipy ttest_ind)', 1e-9) FROM m;
SELECT pg_temp.is_close(mean_test(small1, small2), 0.11132193017648305, 'Welch p-value, small samples', 1e-9) FROM m;
-- Weighted mean interval: t with n_eff - 1 df, variance with the Kish denominator.
SELECT pg_temp.is_close(mean_lower(rw), 5.681145554589225, 'weighted mean_lower') FROM s;
SELECT pg_temp.is_close(mean_upper(rw), 6.082283016839346, 'weighted mean_upper') FROM s;

-- Wilson intervals and the two-proportion test (the p-value equals
-- chi2_contingency without correction on the 2x2 table: 0.9637077357158372).
SELECT pg_temp.is_close(top_box_lower(r), 24.533124703883708, 'Wilson lower, top 2') FROM s;
SELECT pg_temp.is_close(top_box_upper(r), 30.041375483057607, 'Wilson upper, top 2') FROM s;
SELECT pg_temp.is_close(top_box_lower(r, 3, 0.90), 33.937118616939095, 'Wilson lower, top 3, 90%') FROM s;
SELECT pg_temp.is_close(top_box_upper(r, 3, 0.90), 38.93627359918239, 'Wilson upper, top 3, 90%') FROM s;
SELECT pg_temp.is_close(top_box_test(r, rb), 0.9637077357158375, 'pooled two-proportion z-test', 1e-9) FROM s;

-- NPS trend: 500 answers at 2026-01-01 + 17h * i, score least(10, A(i) + i / 100);
-- scipy.stats.linregress on (days / 30, +100/0/-100).
CREATE TEMP TABLE tr AS
SELECT timestamptz '2026-01-01 00:00+00' + i * interval '17 hours' AS at,
       least(10, (i * 7) % 11 + i % 3 + i / 100) AS score
FROM generate_series(1, 500) i;
SELECT pg_temp.is_close(nps_trend(at, score), 7.4769842608782175, 'trend slope, points per 30 days') FROM tr;
SELECT pg_temp.is_close(nps_trend_p(at, score), 1.0887363541518382e-10, 'trend p-value', 1e-9) FROM tr;
SELECT pg_temp.is_close(nps_trend(at, score::numeric), 7.4769842608782175, 'trend slope, numeric scores') FROM tr;

-- Undefined statistics are NULL.
SELECT is(mean_lower('scale=1..7 n={0,0,1,0,0,0,0}'::ratings), NULL, 'one answer: no t interval');
SELECT is(mean_test('scale=1..7 n={0,0,2,0,0,0,0}'::ratings, 'scale=1..7 n={0,0,3,0,0,0,0}'::ratings), NULL,
          'Welch with zero variance on both sides: NULL');
SELECT is(nps_benchmark_test('scale=0..10 n={0,0,0,0,0,0,0,0,0,0,5}'::ratings, 50), NULL, 'NPS test with zero variance: NULL');
SELECT is(nps_trend(at, s), NULL, 'trend of one answer: NULL')
FROM (VALUES (now(), 9)) v(at, s);
SELECT is(nps_trend_p(at, s), NULL, 'trend p of constant answers: NULL')
FROM (VALUES (now(), 9), (now() + interval '1 day', 10), (now() + interval '2 days', 9)) v(at, s);

-- Errors: 22023 for a confidence outside (0, 1), an unknown method or
-- alternative, a benchmark outside [-100, 100].
SELECT throws_ok('SELECT nps_moe(''scale=0..10 n={0,0,0,0,0,0,0,0,0,1,1}'', 1)', '22023',
                 'confidence 1 is out of range', 'confidence 1');
SELECT throws_ok('SELECT mean_lower(''scale=1..5 n={1,1,0,0,0}'', 0)', '22023',
                 'confidence 0 is out of range', 'confidence 0');
SELECT throws_ok('SELECT nps_lower(''scale=0..10 n={0,0,0,0,0,0,0,0,0,1,1}'', 0.95, ''exact'')', '22023',
                 'unknown interval method "exact"', 'unknown method');
SELECT throws_ok('SELECT nps_benchmark_test(''scale=0..10 n={0,0,0,0,0,0,0,0,0,1,1}'', 0, ''bigger'')', '22023',
                 'unknown alternative "bigger"', 'unknown alternative');
SELECT throws_ok('SELECT nps_benchmark_test(''scale=0..10 n={0,0,0,0,0,0,0,0,0,1,1}'', 101)', '22023',
                 'benchmark NPS 101 is out of range', 'benchmark above 100');
SELECT throws_ok('SELECT nps_moe(''scale=1..5 n={1,0,0,0,0}'')', '22023',
                 'nps_moe needs a summary on the scale 0..10, not 1..5', 'nps_moe off 0..10');

SELECT * FROM finish();
ROLLBACK;
