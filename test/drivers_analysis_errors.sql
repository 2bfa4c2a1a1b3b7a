-- Every error of r_squared and key_drivers, with its SQLSTATE (22023) and
-- message, and the detail where it names drivers: bad names, and
-- correlation matrices that cannot be analysed (no variance, pairs never
-- answered together, not positive definite).
\ir helpers.psql
SELECT plan(18);

-- The SQLSTATE, message and detail of an error, for asserting on the detail.
CREATE FUNCTION pg_temp.error_of(query text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    state text;
    msg text;
    detail text;
BEGIN
    EXECUTE query;
    RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, detail = PG_EXCEPTION_DETAIL;
    RETURN state || ': ' || msg || ' / ' || coalesce(detail, '');
END
$$;

-- Names
SELECT throws_ok($$SELECT * FROM key_drivers((SELECT driver_agg(y, ARRAY[y, -y * y]) FROM generate_series(1, 5) y), '{a}')$$,
                 '22023', '1 driver names given for 2 drivers', 'too few names');
SELECT throws_ok($$SELECT * FROM key_drivers((SELECT driver_agg(y, ARRAY[y, -y * y]) FROM generate_series(1, 5) y), '{a,NULL}')$$,
                 '22023', 'driver name 2 is NULL', 'a NULL name');
SELECT throws_ok($$SELECT * FROM key_drivers((SELECT driver_agg(y, ARRAY[y, -y * y]) FROM generate_series(1, 5) y), '{{a},{b}}')$$,
                 '22023', 'driver names must be a one-dimensional array', 'two-dimensional names');

-- Matrices that cannot be analysed.  Zero variance is an error (not NULL):
-- the correlations, and so every column, are undefined.
SELECT throws_ok($$SELECT r_squared(driver_agg(y, ARRAY[y, 3])) FROM generate_series(1, 5) y$$,
                 '22023', 'driver "2" has no variance', 'a constant driver');
SELECT throws_ok($$SELECT * FROM key_drivers((SELECT driver_agg(y, ARRAY[y, 3]) FROM generate_series(1, 5) y), '{speed,price}')$$,
                 '22023', 'driver "price" has no variance', 'a constant driver, by name');
SELECT throws_ok($$SELECT r_squared(driver_agg(4, ARRAY[y])) FROM generate_series(1, 5) y$$,
                 '22023', 'the outcome has no variance where driver "1" was answered', 'a constant outcome');
SELECT throws_ok($$SELECT r_squared(driver_agg(y, ARRAY[y])) FROM generate_series(1, 1) y$$,
                 '22023', 'driver "1" has no variance', 'a single response');
SELECT throws_ok($$SELECT r_squared(driver_agg(y, ARRAY[CASE WHEN y < 3 THEN y END, CASE WHEN y >= 3 THEN y END]))
                   FROM generate_series(1, 6) g, LATERAL (SELECT g::float8 AS y) s$$,
                 '22023', 'drivers "1" and "2" were never answered together', 'disjoint drivers');
SELECT throws_ok($$SELECT r_squared(driver_agg(y, ARRAY[CASE WHEN y <= 3 THEN y END, CASE WHEN y <= 3 THEN 5 ELSE y END]))
                   FROM generate_series(1, 6) g, LATERAL (SELECT g::float8 AS y) s$$,
                 '22023', 'driver "2" has no variance where driver "1" was also answered',
                 'constant where both were answered');
SELECT throws_ok($$SELECT r_squared(driver_agg(y, ARRAY[CASE WHEN y <= 3 THEN 5 ELSE y END, CASE WHEN y <= 3 THEN y END]))
                   FROM generate_series(1, 6) g, LATERAL (SELECT g::float8 AS y) s$$,
                 '22023', 'driver "1" has no variance where driver "2" was also answered',
                 'constant where both were answered, first of the pair');
SELECT throws_ok($$SELECT r_squared(driver_agg(y, ARRAY[NULL, y])) FROM generate_series(1, 6) g, LATERAL (SELECT g::float8 AS y) s$$,
                 '22023', 'driver "1" has no responses', 'a driver never answered');

-- Collinear: x3 = x1 + x2 exactly, x4 unrelated.  The null vector of Rxx
-- involves drivers 1, 2 and 3 only.
CREATE TEMP TABLE collinear AS
SELECT (i * 7 % 10)::float8 AS y,
       ARRAY[i % 5, i * i % 7, i % 5 + i * i % 7, i * 3 % 11]::float8[] AS x
FROM generate_series(1, 50) i;
SELECT throws_ok($$SELECT r_squared(driver_agg(y, x)) FROM collinear$$, '22023',
                 'the correlation matrix of the drivers is not positive definite', 'collinear drivers');
SELECT matches(pg_temp.error_of($$SELECT * FROM key_drivers((SELECT driver_agg(y, x) FROM collinear), '{need,offer,order,delivery}')$$),
               '^22023: .* / Its smallest eigenvalue is .*\. Drivers "need", "offer" and "order" are collinear',
               'collinear drivers are named, the unrelated one is not');
-- Duplicated driver: x2 = 2 x1.
SELECT matches(pg_temp.error_of($$SELECT r_squared(driver_agg(y, ARRAY[g % 4, 2 * (g % 4), g % 3]::float8[])) FROM generate_series(1, 30) g, LATERAL (SELECT g::float8 AS y) s$$),
               '^22023: .* / .* Drivers "1" and "2" are collinear',
               'a duplicated driver');

-- Pairwise deletion with contradictory pairs: x1 and x2 agree where both
-- were asked, x2 and x3 agree, but x1 and x3 are opposite.  r12 and r23
-- near 1 with r13 near -1 cannot come from one data set: Rxx is indefinite.
CREATE TEMP TABLE contra AS
SELECT (i % 5)::float8 AS y, ARRAY[i % 7, i % 7 + (i % 2) * 0.5, NULL]::float8[] AS x FROM generate_series(1, 40) i
UNION ALL
SELECT (i % 5)::float8, ARRAY[NULL, i % 6, i % 6 + (i % 3) * 0.5] FROM generate_series(1, 40) i
UNION ALL
SELECT (i % 5)::float8, ARRAY[i % 8, NULL, -(i % 8) + (i % 2) * 0.5] FROM generate_series(1, 40) i;
SELECT throws_ok($$SELECT r_squared(driver_agg(y, x)) FROM contra$$, '22023',
                 'the correlation matrix of the drivers is not positive definite', 'contradictory pairs');
SELECT matches(pg_temp.error_of($$SELECT r_squared(driver_agg(y, x)) FROM contra$$),
               'smallest eigenvalue is -.* Drivers "1", "2" and "3" are collinear, or their pairwise correlations come from different respondents',
               'contradictory pairs: a negative eigenvalue, all three named');
-- Rxx positive definite but not together with the outcome: x1 and x2 are
-- uncorrelated where both were asked, yet each alone tracks the outcome
-- (r1y = 0.8398659966234664, r2y = 0.8465727276158606, r12 = 0 by NumPy on
-- these rows), so R² = r1y² + r2y² = 1.42 > 1.
CREATE TEMP TABLE overfit AS
SELECT i + (i % 3) * 0.5 AS y, ARRAY[i, NULL]::float8[] AS x FROM generate_series(1, 20) i
UNION ALL
SELECT i + (i % 4) * 0.5, ARRAY[NULL, i]::float8[] FROM generate_series(1, 20) i
UNION ALL
SELECT 10, ARRAY[a, b]::float8[] FROM (VALUES (1, 1), (1, -1), (-1, 1), (-1, -1)) v(a, b);
SELECT throws_ok($$SELECT * FROM key_drivers((SELECT driver_agg(y, x) FROM overfit))$$, '22023',
                 'the correlation matrix of the drivers and the outcome is not positive definite', 'R² above 1');
SELECT matches(pg_temp.error_of($$SELECT r_squared(driver_agg(y, x)) FROM overfit$$),
               'R² would be 1\.42206027542728.*The pairwise correlations of "1" and "2" with the outcome come from different respondents',
               'R² above 1: the value and the variables are named');

SELECT * FROM finish();
ROLLBACK;
