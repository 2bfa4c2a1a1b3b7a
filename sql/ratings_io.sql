-- Text, binary and jsonb forms of ratings.
SET extra_float_digits = 0;   -- the text form must not depend on it

-- Text round trips, unweighted and weighted; whitespace is free.
SELECT 'scale=0..10 n={0,0,1,0,0,0,2,3,4,5,6}'::ratings;
SELECT '  scale = -2..2  n={ 1 , 2,3,4, 5 }  '::ratings;
SELECT 'scale=1..5 n={1,0,0,2,1} w={1.5,0,0,2,0.5} w2=4.75'::ratings;
-- 0.1 + 0.2 is not 0.3 in binary: the text form keeps every bit.
SELECT r, r::text::ratings::text = r::text AS round_trips
FROM (SELECT ratings_agg(s, 1, 3, w) AS r
      FROM (VALUES (1, 0.1), (1, 0.2), (3, 1e-7)) v(s, w)) x;
-- The largest scale, 101 points, and a one-point scale.
SELECT responses(ratings_agg(s, -50, 50)), histogram(ratings_agg(s, -50, 50)) IS NOT NULL AS has_rows
FROM generate_series(-50, 50) s LIMIT 1;
SELECT 'scale=7..7 n={3}'::ratings;

-- jsonb for BI tools
SELECT jsonb_pretty('scale=1..5 n={1,0,0,2,1} w={1.5,0,0,2,0.5} w2=4.75'::ratings::jsonb);
SELECT ('scale=0..10 n={0,0,1,0,0,0,2,3,4,5,6}'::ratings::jsonb) -> 'counts' AS counts;

-- Binary: send, then recv through a binary COPY round trip.
SELECT ratings_send('scale=1..3 n={1,0,2}');
CREATE TABLE io_src (id int, r ratings);
INSERT INTO io_src VALUES
    (1, 'scale=0..10 n={0,0,1,0,0,0,2,3,4,5,6}'),
    (2, 'scale=1..5 n={1,0,0,2,1} w={1.5,0,0,2,0.5} w2=4.75'),
    (3, 'scale=-50..50 n={1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,9}'),
    (4, NULL);
SELECT '/tmp/loyalty_io_' || pg_backend_pid() AS f \gset
COPY io_src TO :'f' WITH (FORMAT binary);
CREATE TABLE io_dst (LIKE io_src);
COPY io_dst FROM :'f' WITH (FORMAT binary);
SELECT id, d.r::text = s.r::text AS same FROM io_src s JOIN io_dst d USING (id) ORDER BY id;
SELECT count(*) AS rows_back FROM io_dst;
-- Text COPY, the form pg_dump uses.
COPY io_src TO :'f';
TRUNCATE io_dst;
COPY io_dst FROM :'f';
SELECT id, d.r::text IS NOT DISTINCT FROM s.r::text AS same FROM io_src s JOIN io_dst d USING (id) ORDER BY id;

-- Malformed literals: 22P02 with a detail that says what is wrong.
\set VERBOSITY default
SELECT ''::ratings;
SELECT 'scale=0..10'::ratings;
SELECT 'scale=0..10 n={1,2}'::ratings;
SELECT 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0,0}'::ratings;
SELECT 'scale=10..0 n={1}'::ratings;
SELECT 'scale=0..101 n={1}'::ratings;
SELECT 'scale=1..2 n={-1,2}'::ratings;
SELECT 'scale=1..2 n={1,99999999999999999999}'::ratings;
SELECT 'scale=1..2 n={1,2} junk'::ratings;
SELECT 'scale=1..2 n={1,2} w={1,nan} w2=1'::ratings;
SELECT 'scale=1..2 n={1,2} w={1,-2} w2=5'::ratings;
SELECT 'scale=1..2 n={1,0} w={1,2} w2=5'::ratings;
SELECT 'scale=1..2 n={1,1} w={1,2} w2=50'::ratings;
SELECT 'scale=1..2 n={1,1} w={1,2}'::ratings;
SELECT 'scale=1..2 n={9223372036854775807,1}'::ratings;
