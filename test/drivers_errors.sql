-- Every error of driver_agg, rollup(driver_matrix) and the driver_matrix
-- input functions, with its SQLSTATE and message:
--   22023  bad drivers arrays (length changes, more than 32, empty, not one
--          dimension, NaN or infinite values), matrices of different sizes
--   22003  sums of squares or counts that overflow
--   22P02  a malformed literal;  22P03  a malformed binary value
\ir helpers.psql
SELECT plan(25);


-- Drivers arrays
SELECT throws_ok($$SELECT driver_agg(y, x) FROM (VALUES (1.0, '{1,2}'::float8[]), (2, '{1,2,3}')) v(y, x)$$,
                 '22023', 'the number of drivers of driver_agg changed from 2 to 3', 'length changes');
SELECT throws_ok($$SELECT driver_agg(y, x) FROM (VALUES (1.0, '{1,2}'::float8[]), (2, '{1}')) v(y, x)$$,
                 '22023', 'the number of drivers of driver_agg changed from 2 to 1', 'length shrinks');
SELECT throws_ok($$SELECT driver_agg(1, array_fill(1.0::float8, ARRAY[33]))$$,
                 '22023', '33 drivers are too many for driver_agg', '33 drivers');
SELECT lives_ok($$SELECT driver_agg(1, array_fill(1.0::float8, ARRAY[32]))$$, '32 drivers are fine');
SELECT throws_ok($$SELECT driver_agg(1, '{}')$$, '22023', 'driver_agg needs at least one driver', 'empty array');
SELECT throws_ok($$SELECT driver_agg(1, '{{1,2},{3,4}}')$$, '22023',
                 'the drivers array of driver_agg must have one dimension, not 2', 'two dimensions');
SELECT throws_ok($$SELECT driver_agg(1, '{1,NaN}')$$, '22023',
                 'driver 2 is NaN; driver values must be finite numbers', 'NaN driver');
SELECT throws_ok($$SELECT driver_agg(1, '{Infinity}')$$, '22023',
                 'driver 1 is Infinity; driver values must be finite numbers', 'infinite driver');
SELECT throws_ok($$SELECT driver_agg(1, '{NULL,NULL,-Infinity}')$$, '22023',
                 'driver 3 is -Infinity; driver values must be finite numbers', '-Infinity after NULLs');
SELECT throws_ok($$SELECT driver_agg('NaN', '{1}')$$, '22023', 'outcome NaN is not a finite number', 'NaN outcome');
SELECT throws_ok($$SELECT driver_agg('-Infinity', '{1}')$$, '22023',
                 'outcome -Infinity is not a finite number', 'infinite outcome');
SELECT throws_ok($$SELECT driver_agg(y, x) FROM (VALUES (1.0, '{1e300}'::float8[]), (2, '{-1e300}')) v(y, x)$$,
                 '22003', 'driver values are too large: the sums of squares of the driver_matrix overflow',
                 'overflowing sums of squares');
-- A bad row is found after good ones and after a NULL outcome.
SELECT throws_ok($$SELECT driver_agg(y, x) FROM (VALUES (1.0, '{1}'::float8[]), (NULL, '{2}'), (3, '{NaN}')) v(y, x)$$,
                 '22023', 'driver 1 is NaN; driver values must be finite numbers', 'a bad row after good ones');

-- rollup and combine
SELECT throws_ok($$SELECT rollup(m) FROM (VALUES ('k=1 y=(1,1,0) x={(1,1,0)} xy={(1,1,1,0,0,0)} xx={}'::driver_matrix),
        ('k=2 y=(1,7,0) x={(1,2,0),(0,0,0)} xy={(1,2,7,0,0,0),(0,0,0,0,0,0)} xx={(0,0,0,0,0,0)}')) v(m)$$,
                 '22023', 'cannot combine driver matrices of 1 and 2 drivers', 'rollup across sizes');
SELECT throws_ok($$SELECT rollup(m) FROM (VALUES ('k=1 y=(9223372036854775807,1,0) x={(0,0,0)} xy={(0,0,0,0,0,0)} xx={}'::driver_matrix),
        ('k=1 y=(1,1,0) x={(0,0,0)} xy={(0,0,0,0,0,0)} xx={}')) v(m)$$,
                 '22003', 'combined count of responses is out of range for bigint', 'rollup count overflow');

-- Malformed literals and binary values (more in sql/drivers_io.sql and the fuzz test).
SELECT throws_ok(format('SELECT %L::driver_matrix', lit), '22P02', msg, descr) FROM (VALUES
    ('k=0 y=(0,0,0) x={} xy={} xx={}',
     'invalid input syntax for type driver_matrix: "k=0 y=(0,0,0) x={} xy={} xx={}"', 'k = 0'),
    ('k=1 y=(1,1,0) x={(2,1,0)} xy={(2,1,1,0,0,0)} xx={}',
     'invalid driver_matrix value', 'a driver with more responses than the outcome'),
    ('k=1 y=(2,1,1) x={(2,1,1)} xy={(2,1,1,1,1,5)} xx={}',
     'invalid driver_matrix value', 'a cross-product beyond Cauchy-Schwarz'),
    ('k=1 y=(1,1,0) x={(1,1,0)} xy={(1,1,1,0,0,NaN)} xx={}',
     'invalid input syntax for type driver_matrix: "k=1 y=(1,1,0) x={(1,1,0)} xy={(1,1,1,0,0,NaN)} xx={}"',
     'NaN in a literal')) v(lit, msg, descr);
SELECT is(pg_temp.recv_driver_matrix(driver_matrix_send(m))::text, m::text, 'binary round trip through recv')
FROM (VALUES ('k=2 y=(3,2,2) x={(3,2,2),(2,1.5,0.5)} xy={(3,2,2,2,2,1),(2,1.5,2.5,0.5,0.5,0.5)} xx={(2,1.5,1.5,0.5,0.5,0.5)}'::driver_matrix)) v(m);
-- Damaged binary forms of one valid value: its first 4 bytes are the
-- version, the flags and 2 bytes of the number of drivers.
SELECT throws_ok(format('SELECT pg_temp.recv_driver_matrix(%L::bytea)', b), '22P03', 'invalid driver_matrix value', descr)
FROM (SELECT driver_matrix_send('k=1 y=(1,1,0) x={(1,1,0)} xy={(1,1,1,0,0,0)} xx={}') AS sb) v,
     LATERAL (VALUES ('\x02000001' || substr(sb, 5), 'unknown version 2'),
                     ('\x01010001' || substr(sb, 5), 'unknown flag'),
                     (sb || '\x00'::bytea, 'trailing byte'),
                     (substr(sb, 1, 30), 'truncated value'),
                     ('\x01000021' || substr(sb, 5), '33 drivers')) d(b, descr);

SELECT * FROM finish();
ROLLBACK;
