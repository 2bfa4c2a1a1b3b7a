-- Values of driver_agg, r_squared and key_drivers against figures worked
-- out independently.
--
-- Data sets A, B, C and D are rebuilt from the
-- same integer formulas by test/drivers_reference.py, which computes every
-- expected figure with NumPy and SciPy by other routes than the C code:
-- np.corrcoef on the pair-complete rows, np.linalg.solve for R² and betas,
-- np.linalg.eigh for Johnson's relative weights, brute force over all k!
-- orders of entry for the Shapley (LMG) shares, and for data set B an
-- ordinary least-squares fit of the raw data (np.linalg.lstsq), for
-- data sets B and D, and scipy.stats.pearsonr for the p-values.  Tolerance:
-- 1e-12 relative, 1e-9 for the Shapley shares (both sides sum R² of 2^k
-- subsets with alternating signs, so the smallest share carries more
-- rounding) and for the p-values.
\ir helpers.psql
SELECT plan(119);

-- NULL in, nothing out.
SELECT is(count(*), 0::bigint, 'key_drivers of NULL: no rows') FROM key_drivers(NULL);
SELECT is(r_squared(NULL), NULL, 'r_squared of NULL is NULL');

-- Data set A: 600 respondents, 5 drivers on 1..5 with gaps, outcome 0..10.
CREATE TEMP TABLE a AS
SELECT i,
       CASE WHEN i % 23 = 0 THEN NULL
            ELSE least(10, (3 * d1 + 2 * d2 + d3 + (i * 19) % 6 + g) / 3) END::float8 AS y,
       ARRAY[d1,
             CASE WHEN i % 7 = 2 THEN NULL ELSE d2 END,
             CASE WHEN i % 5 = 1 THEN NULL ELSE d3 END,
             CASE WHEN i % 11 IN (3, 4) THEN NULL ELSE d4 END,
             CASE WHEN i % 13 = 6 THEN NULL ELSE d5 END]::float8[] AS x
FROM (SELECT i, g,
             1 + (g + (i * 7 + 3) % 5) / 3 AS d1,
             1 + (g + ((i * 13 + 1) % 7) * 2) / 5 AS d2,
             1 + ((i * 31 + 5) % 9) / 2 AS d3,
             1 + ((i * i) % 13 + g) / 5 AS d4,
             1 + ((i * 23 + 2 * g) % 10) / 2 AS d5
      FROM (SELECT i, (i * 17) % 11 AS g FROM generate_series(1, 600) i) s) t;
CREATE TEMP TABLE ma AS SELECT driver_agg(y, x) AS m FROM a;
CREATE TEMP TABLE kda AS
SELECT * FROM key_drivers((SELECT m FROM ma), '{need,offer,order,delivery,invoice}');
CREATE TEMP TABLE want_a (driver text, responses bigint, mean float8, correlation float8,
                          beta float8, rw float8, shapley float8, rank int, quadrant text,
                          p float8);
INSERT INTO want_a VALUES
 ('need',     574, 2.994773519163763,  0.8827684943141071,    0.6795192061476218,
  0.4779458726310692,    0.4866563846660174,   1, 'keep up the good work', 8.233666088073836e-190),
 ('offer',    492, 2.6077235772357725, 0.7129042726487814,    0.2995123774045508,
  0.25677615113106594,   0.2509725048443261,   2, 'concentrate here', 1.5271989460678909e-77),
 ('order',    459, 2.7734204793028323, 0.15645131941863047,   0.12933227348574705,
  0.020029355685129056,  0.01965250709956016,  4, 'low priority', 0.0007697405845174142),
 ('delivery', 470, 2.8127659574468087, 0.5213254334962677,    0.05434558931580591,
  0.10716500987424324,   0.10463995313397335,  3, 'low priority', 4.134799708752328e-34),
 ('invoice',  530, 3.016981132075472,  0.0034800569864668757, 0.005681836488969009,
  5.112656354285107e-05, 4.616614117323078e-05, 5, 'possible overkill', 0.9362945123323924);

-- Each driver's row of key_drivers (table got) against the reference row of
-- its data set (table want, columns as in want_a), one measure after the
-- other; described as '<label>: <measure> of <driver>', with p_note and
-- beta_note after the p-value's and beta's.  Counts, ranks and quadrants
-- are equal; the figures within the tolerances above.
CREATE FUNCTION pg_temp.drivers_are(label text, got text, want text, p_note text DEFAULT '',
                                    beta_note text DEFAULT '') RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
    c record;
BEGIN
    FOR c IN SELECT * FROM (VALUES ('responses', 'responses', '', NULL),
                                   ('mean', 'mean', '', 1e-12),
                                   ('correlation', 'correlation', '', 1e-12),
                                   ('p_value', 'p', p_note, 1e-9),
                                   ('beta', 'beta', beta_note, 1e-12),
                                   ('relative_weight', 'rw', '', 1e-12),
                                   ('shapley', 'shapley', '', 1e-9),
                                   ('importance_rank', 'rank', '', NULL),
                                   ('quadrant', 'quadrant', '', NULL)) v(got, want, note, tol) LOOP
        RETURN QUERY EXECUTE format('SELECT %s(k.%I, w.%I, %L || driver || %L%s) FROM %I k JOIN %I w USING (driver)',
                                    CASE WHEN c.tol IS NULL THEN 'is' ELSE 'pg_temp.is_close' END,
                                    c.got, c.want, format('%s: %s of ', label, c.got), c.note,
                                    ', ' || c.tol, got, want);
    END LOOP;
END
$$;

SELECT pg_temp.is_close(r_squared(m), 0.8619675158850504, 'A: r_squared') FROM ma;
SELECT is(array_agg(driver), '{need,offer,order,delivery,invoice}', 'A: rows in the order of the drivers array')
FROM kda;
-- p-values: scipy.stats.pearsonr on the pair-complete rows.
SELECT * FROM pg_temp.drivers_are('A', 'kda', 'want_a');
SELECT pg_temp.is_close(sum(relative_weight), (SELECT r_squared(m) FROM ma), 'A: relative weights sum to R²')
FROM kda;
SELECT pg_temp.is_close(sum(shapley), (SELECT r_squared(m) FROM ma), 'A: Shapley shares sum to R²')
FROM kda;
SELECT is(array_agg(driver ORDER BY driver::int), '{1,2,3,4,5}', 'A: without names, drivers are 1, 2, ...')
FROM key_drivers((SELECT m FROM ma));

-- Stored summaries rolled up give the same analysis as the raw rows.
CREATE TEMP TABLE parts AS SELECT i % 4 AS part, driver_agg(y, x) AS m FROM a GROUP BY i % 4;
SELECT pg_temp.is_close(r_squared(rollup(m)), 0.8619675158850504, 'A: r_squared of a rollup of 4 parts')
FROM parts;
SELECT is(count(*) FILTER (WHERE abs(k.shapley - w.shapley) <= 1e-9 * w.shapley
                             AND abs(k.relative_weight - w.rw) <= 1e-12 * w.rw
                             AND abs(k.beta - w.beta) <= 1e-12 * abs(w.beta)
                             AND k.responses = w.responses), 5::bigint,
          'A: key_drivers of the rollup equals the reference')
FROM key_drivers((SELECT rollup(m) FROM parts), '{need,offer,order,delivery,invoice}') k
JOIN want_a w USING (driver);

-- Data set B: 300 respondents, 3 real-valued drivers, no gaps.  Besides the
-- correlation route, R² and the betas equal an ordinary least-squares fit of
-- the raw data: R² 0.9804349759629537, standardized betas
-- 1.0643732004118676, -0.4014483946483624, 0.20600199255757512.
CREATE TEMP TABLE b AS
SELECT i, 2.0::float8 * a - 1.0::float8 * bb + 0.5::float8 * c + ((i * 19) % 13)::float8 / 4 AS y,
       ARRAY[a, 0.5::float8 * a + bb, c - 0.25::float8 * bb] AS x
FROM (SELECT i, ((i * 37) % 101)::float8 / 10 AS a, ((i * 53 + 17) % 97)::float8 / 10 AS bb,
             ((i * i * 7 + 3 * i) % 89)::float8 / 10 AS c
      FROM generate_series(1, 300) i) s;
CREATE TEMP TABLE mb AS SELECT driver_agg(y, x) AS m FROM b;
CREATE TEMP TABLE kdb AS SELECT * FROM key_drivers((SELECT m FROM mb));
-- No gaps: every driver has the 300 responses.
CREATE TEMP TABLE want_b (driver text, responses bigint, mean float8, correlation float8, beta float8,
                          rw float8, shapley float8, rank int, quadrant text, p float8);
INSERT INTO want_b VALUES
 ('1', 300, 5.019666666666667, 0.8795711971892795,  1.0643732004118676,  0.8393233246555563,
  0.8407081077823642,  1, 'concentrate here', 3.8313995172862397e-98),
 ('2', 300, 7.300500000000002, 0.03571404798677151, -0.4014483946483624, 0.07410765775036615,
  0.0700190060062091,  2, 'possible overkill', 0.5377627410402795),
 ('3', 300, 3.025,             0.2843677011270394,  0.20600199255757512, 0.06700399355703027,
  0.06970786217437978, 3, 'low priority', 5.482371314658751e-07);
SELECT pg_temp.is_close(r_squared(m), 0.9804349759629537, 'B: r_squared = OLS R² of the raw data') FROM mb;
SELECT * FROM pg_temp.drivers_are('B', 'kdb', 'want_b', ' (scipy.stats.pearsonr)', ' = OLS standardized coefficient');
SELECT pg_temp.is_close(sum(relative_weight), 0.9804349759629537, 'B: relative weights sum to R²') FROM kdb;
SELECT pg_temp.is_close(sum(shapley), 0.9804349759629537, 'B: Shapley shares sum to R²') FROM kdb;

-- Data set C: one driver (the first 40 rows of A, driver 1 only).  Then
-- R² = r², and beta = r, relative weight = Shapley share = r².
CREATE TEMP TABLE kdc AS
SELECT k.*, r_squared(m) AS r2
FROM (SELECT driver_agg(y, x[1:1]) AS m FROM a WHERE i <= 40) s, key_drivers(m) k;
SELECT is(responses, 39::bigint, 'C: responses') FROM kdc;
SELECT pg_temp.is_close(mean, 2.8974358974358974, 'C: mean') FROM kdc;
SELECT pg_temp.is_close(correlation, 0.9034735920825541, 'C: correlation') FROM kdc;
SELECT pg_temp.is_close(p_value, 3.500151286461134e-15, 'C: p_value (scipy.stats.pearsonr)', 1e-9) FROM kdc;
SELECT pg_temp.is_close(beta, 0.9034735920825541, 'C: beta = r') FROM kdc;
SELECT pg_temp.is_close(r2, 0.8162645315905533, 'C: r_squared = r²') FROM kdc;
SELECT pg_temp.is_close(relative_weight, 0.8162645315905533, 'C: relative_weight = r²') FROM kdc;
SELECT pg_temp.is_close(shapley, 0.8162645315905533, 'C: shapley = r²') FROM kdc;
SELECT is(importance_rank || ' ' || quadrant, '1 keep up the good work',
          'C: a single driver is at the mean of both axes, so high on both') FROM kdc;

-- Data set D: 2000 respondents, up to 32 drivers, no gaps:
-- x_j = ((i p_j + j - 1) mod 211) mod (j + 4), p_j the j-th odd prime,
-- y = sum_j ((j - 1) mod 3) x_j + (19 i mod 13).
CREATE TEMP TABLE d AS
SELECT i, array_agg(x ORDER BY j) AS x, sum(((j - 1) % 3) * x) + (i * 19) % 13 AS y
FROM (SELECT i, j, (((i * p + j - 1) % 211) % (j + 4))::float8 AS x
      FROM generate_series(1, 2000) i,
           unnest('{3,5,7,11,13,17,19,23,29,31,37,41,43,47,53,59,61,67,71,73,79,83,89,97,101,103,107,109,113,127,131,137}'::int[])
           WITH ORDINALITY u(p, j)) s
GROUP BY i;
-- 32 drivers, the most a driver_matrix holds.  NumPy: OLS R² 0.9928588146954435,
-- standardized beta of driver 32 0.23136604869782873; relative weights of
-- drivers 1 and 32 0.00039227650795664473 and 0.0630686748423649.  Shapley
-- shares need R² of 2^32 subsets: refused above 20 drivers, so NULL.
CREATE TEMP TABLE md AS
SELECT driver_agg(y, x) AS m32, driver_agg(y, x[1:21]) AS m21, driver_agg(y, x[1:20]) AS m20,
       driver_agg(y, x[1:8]) AS m8
FROM d;
CREATE TEMP TABLE kd32 AS SELECT * FROM key_drivers((SELECT m32 FROM md));
SELECT pg_temp.is_close(r_squared(m32), 0.9928588146954435, 'D32: r_squared = OLS R²') FROM md;
SELECT pg_temp.is_close(beta, 0.23136604869782873, 'D32: beta of driver 32 = OLS standardized coefficient')
FROM kd32 WHERE driver = '32';
SELECT pg_temp.is_close(relative_weight, 0.00039227650795664473, 'D32: relative_weight of driver 1', 1e-10)
FROM kd32 WHERE driver = '1';
SELECT pg_temp.is_close(relative_weight, 0.0630686748423649, 'D32: relative_weight of driver 32')
FROM kd32 WHERE driver = '32';
SELECT pg_temp.is_close(sum(relative_weight), 0.9928588146954435, 'D32: relative weights sum to R²') FROM kd32;
SELECT is(array_agg(importance_rank ORDER BY importance_rank), array(SELECT generate_series(1, 32)),
          'D32: ranks 1..32') FROM kd32;
SELECT is(count(*) FILTER (WHERE shapley IS NULL), 32::bigint, 'D32: shapley is NULL above 20 drivers') FROM kd32;
SELECT is(count(*) FILTER (WHERE shapley IS NULL), 21::bigint, 'D21: shapley is NULL for 21 drivers')
FROM key_drivers((SELECT m21 FROM md));
SELECT is(count(*) FILTER (WHERE shapley IS NULL), 0::bigint, 'D20: shapley is computed for 20 drivers')
FROM key_drivers((SELECT m20 FROM md));
SELECT pg_temp.is_close(sum(shapley), (SELECT r_squared(m20) FROM md), 'D20: 2^20 subsets, Shapley shares sum to R²')
FROM key_drivers((SELECT m20 FROM md));
SELECT pg_temp.is_close(sum(relative_weight), (SELECT r_squared(m20) FROM md), 'D20: relative weights sum to R²')
FROM key_drivers((SELECT m20 FROM md));
-- The first 8 drivers: Shapley shares against NumPy's average over all 8!
-- orders of entry.
SELECT pg_temp.is_close(k.shapley, w.shapley, 'D8: shapley of ' || driver, 1e-9)
FROM key_drivers((SELECT m8 FROM md)) k
JOIN (VALUES ('1', 4.3695973290651064e-05), ('2', 0.0025303346201555536), ('3', 1.9310557456321873e-05),
             ('4', 0.0001908894196691793), ('5', 0.019121998814234743), ('6', 0.020274378851038433),
             ('7', 0.017129004488088167), ('8', 0.024470851992684447)) w(driver, shapley) USING (driver);
SELECT pg_temp.is_close(r_squared(m8), 0.08378046471662681, 'D8: r_squared') FROM md;

-- p-values at the edges.  Two responses leave no degrees of freedom: NULL.
-- A perfect correlation has p = 0 (t is infinite).  Three responses (1,1), (2,3), (3,2):
-- r = 0.5, t = 0.5 sqrt(1 / 0.75) = 1/sqrt(3) with 1 df, and the t
-- distribution with 1 df is Cauchy: p = 2 (1/2 - atan(1/sqrt(3)) / pi)
-- = 2 (1/2 - 1/6) = 2/3.
SELECT is(p_value, NULL, 'p_value is NULL with 2 responses')
FROM key_drivers((SELECT driver_agg(y, ARRAY[x]) FROM (VALUES (1.0, 2.0), (3, 1), (NULL, 5)) v(y, x)));
SELECT ok(p_value < 1e-50, 'p_value of a perfect correlation is 0 (or, when r rounds to 1 - 1e-16, nearly)')
FROM key_drivers((SELECT driver_agg(2 * x + 1, ARRAY[x]) FROM generate_series(1, 10) x));
SELECT pg_temp.is_close(p_value, 2.0 / 3, 'p_value with 1 df (Cauchy): 2/3', 1e-9)
FROM key_drivers((SELECT driver_agg(y, ARRAY[x]) FROM (VALUES (1.0, 1.0), (3, 2), (2, 3)) v(y, x)));
SELECT ok(bool_and(p_value BETWEEN 0 AND 1), 'every p_value is in [0, 1]') FROM kda;

-- Quadrant ties: two uncorrelated drivers with equal correlations and equal
-- means have equal relative weights, each exactly at the mean of both axes:
-- >= counts as high.  Rows (y; x1, x2): x1 and x2 run through (1,1), (1,3),
-- (3,1), (3,3), so r12 = 0, and y = x1 + x2 gives r1y = r2y = 1/sqrt(2),
-- relative weights 0.5 each, ranks 1 and 1.
SELECT is(array_agg(importance_rank || ' ' || quadrant ORDER BY driver),
          '{"1 keep up the good work","1 keep up the good work"}', 'ties: rank shared, >= mean is high')
FROM key_drivers((SELECT driver_agg(x1 + x2, ARRAY[x1, x2])
                  FROM (VALUES (1.0::float8, 1.0::float8), (1, 3), (3, 1), (3, 3)) v(x1, x2)));
SELECT pg_temp.is_close(sum(relative_weight), 1, 'ties: relative weights 0.5 + 0.5 = R² = 1')
FROM key_drivers((SELECT driver_agg(x1 + x2, ARRAY[x1, x2])
                  FROM (VALUES (1.0::float8, 1.0::float8), (1, 3), (3, 1), (3, 3)) v(x1, x2)));

SELECT * FROM finish();
ROLLBACK;
