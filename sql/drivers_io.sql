-- Text, binary and jsonb forms of driver_matrix.
SET extra_float_digits = 0;   -- the text form must not depend on it

-- Text round trips; whitespace is free.
SELECT 'k=1 y=(3,2,2) x={(3,2,2)} xy={(3,2,2,2,2,1)} xx={}'::driver_matrix;
SELECT ' k = 2  y=( 2, -0.5, 0.5 ) x = { (2,1,2) , (1,-3,0) }
         xy={(2,1,-0.5,2,0.5,-1),(1,-3,0,0,0,0)} xx={(1,0,-3,0,0,0)} '::driver_matrix;
-- Thirds and tiny and huge values: the text form keeps every bit.  (The
-- squares of deviations of 1e-300 underflow to zero while their products
-- with the outcome do not: the value is still valid.)
SELECT m, m::text::driver_matrix::text = m::text AS round_trips
FROM (SELECT driver_agg(i / 3.0, ARRAY[i * 1e-300, i * 1e150]) AS m
      FROM generate_series(1, 3) i) s;
-- 32 drivers, the most there may be: 1 + 32 moments, 32 + 496 pairs.
SELECT drivers(m), responses(m), length(m::text) > 1000 AS long, octet_length(driver_matrix_send(m)) AS bytes
FROM (SELECT driver_agg(i, array_fill(i::float8, ARRAY[32])) AS m FROM generate_series(1, 3) i) s;

-- jsonb for BI tools
SELECT jsonb_pretty('k=2 y=(2,-0.5,0.5) x={(2,1,2),(1,-3,0)} xy={(2,1,-0.5,2,0.5,-1),(1,-3,0,0,0,0)} xx={(1,0,-3,0,0,0)}'::driver_matrix::jsonb);

-- Binary: version 1, flags 0, k as int16, then int64 n and float8 fields.
SELECT driver_matrix_send('k=1 y=(3,2,2) x={(3,2,2)} xy={(3,2,2,2,2,1)} xx={}');
CREATE TABLE dm_io_src (id int, m driver_matrix);
INSERT INTO dm_io_src VALUES
    (1, 'k=1 y=(3,2,2) x={(3,2,2)} xy={(3,2,2,2,2,1)} xx={}'),
    (2, 'k=2 y=(2,-0.5,0.5) x={(2,1,2),(1,-3,0)} xy={(2,1,-0.5,2,0.5,-1),(1,-3,0,0,0,0)} xx={(1,0,-3,0,0,0)}'),
    (3, NULL);
INSERT INTO dm_io_src
SELECT 4, driver_agg(i / 7.0, ARRAY[i % 3, CASE WHEN i % 4 > 0 THEN sqrt(i) END, -i])
FROM generate_series(1, 50) i;
SELECT '/tmp/loyalty_dm_io_' || pg_backend_pid() AS f \gset
COPY dm_io_src TO :'f' WITH (FORMAT binary);
CREATE TABLE dm_io_dst (LIKE dm_io_src);
COPY dm_io_dst FROM :'f' WITH (FORMAT binary);
SELECT id, d.m::text IS NOT DISTINCT FROM s.m::text AS same FROM dm_io_src s JOIN dm_io_dst d USING (id) ORDER BY id;
-- Text COPY, the form pg_dump uses.
COPY dm_io_src TO :'f';
TRUNCATE dm_io_dst;
COPY dm_io_dst FROM :'f';
SELECT id, d.m::text IS NOT DISTINCT FROM s.m::text AS same FROM dm_io_src s JOIN dm_io_dst d USING (id) ORDER BY id;

-- Malformed literals: 22P02 with a detail that says what is wrong.
\set VERBOSITY default
SELECT ''::driver_matrix;
SELECT 'k=0 y=(0,0,0) x={} xy={} xx={}'::driver_matrix;
SELECT 'k=33 y=(0,0,0)'::driver_matrix;
SELECT 'k=1 y=(3,2,2) x={(3,2,2)} xy={(3,2,2,2,2,1)}'::driver_matrix;
SELECT 'k=1 y=(3,2,2) x={(3,2,2),(3,2,2)} xy={(3,2,2,2,2,1)} xx={}'::driver_matrix;
SELECT 'k=1 y=(3,2,2) x={(3,2,2)} xy={(3,2,2,2,2,1)} xx={} junk'::driver_matrix;
SELECT 'k=1 y=(-3,2,2) x={(3,2,2)} xy={(3,2,2,2,2,1)} xx={}'::driver_matrix;
SELECT 'k=1 y=(3,2,inf) x={(3,2,2)} xy={(3,2,2,2,2,1)} xx={}'::driver_matrix;
SELECT 'k=1 y=(3,2,0x10) x={(3,2,2)} xy={(3,2,2,2,2,1)} xx={}'::driver_matrix;
SELECT 'k=1 y=(3,2,1e999) x={(3,2,2)} xy={(3,2,2,2,2,1)} xx={}'::driver_matrix;
SELECT 'k=1 y=(3,2,-2) x={(3,2,2)} xy={(3,2,2,2,2,1)} xx={}'::driver_matrix;
SELECT 'k=1 y=(0,2,0) x={(0,0,0)} xy={(0,0,0,0,0,0)} xx={}'::driver_matrix;
SELECT 'k=1 y=(1,2,3) x={(0,0,0)} xy={(0,0,0,0,0,0)} xx={}'::driver_matrix;
SELECT 'k=1 y=(3,2,2) x={(3,2,2)} xy={(2,2,2,2,2,1)} xx={}'::driver_matrix;
SELECT 'k=1 y=(3,2,2) x={(3,2,2)} xy={(3,2,2,2,2,2.5)} xx={}'::driver_matrix;
SELECT 'k=2 y=(3,2,2) x={(1,2,0),(1,2,0)} xy={(1,2,2,0,0,0),(1,2,2,0,0,0)} xx={(2,2,2,0,0,0)}'::driver_matrix;
SELECT 'k=1 y=(99999999999999999999,2,2) x={(3,2,2)} xy={(3,2,2,2,2,1)} xx={}'::driver_matrix;
