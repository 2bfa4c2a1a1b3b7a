-- The rules every summary type's aggregate data path keeps (README, "Layout"):
--   * rollup validates every stored value it reads, the first one included;
--   * no internal flag reaches a value returned to SQL, so a result never
--     depends on row order;
--   * a function called directly returns only values the type's input accepts.
-- Damaged stored values are made from raw bytes by the server's own identity
-- on varlena values (byteasend), as if the bytes had been damaged on disk.
\ir helpers.psql
SELECT plan(16);

CREATE FUNCTION pg_temp.raw_ratings(bytea) RETURNS ratings LANGUAGE internal STRICT AS 'byteasend';
CREATE FUNCTION pg_temp.raw_bytes(ratings) RETURNS bytea LANGUAGE internal STRICT AS 'byteasend';
CREATE FUNCTION pg_temp.raw_pairs(bytea) RETURNS rating_pairs LANGUAGE internal STRICT AS 'byteasend';

-- A weighted 1..3 summary of one answer 1 with weight 1, carrying the
-- internal flag 0x80 (flags byte 0x81): version 1, flags, 2 unused bytes,
-- lo = 1, hi = 3, counts {1,0,0}, weights {1,0,0}, sum of squares 1
-- (int64 and float8 little-endian, as on the machines we build for).
CREATE TEMP TABLE damaged AS
SELECT 1 AS id, pg_temp.raw_ratings('\x0181000001000000030000000100000000000000000000000000000000000000000000000000'
                 || '000000000000f03f00000000000000000000000000000000000000000000f03f'::bytea) AS r;
CREATE TEMP TABLE damaged_pairs AS
-- nx = ny = 1, x = 5, y = 7, count -1.
SELECT pg_temp.raw_pairs('\x010000000100000001000000000000000500000000000000'
        || '0700000000000000ffffffffffffffff'::bytea) AS p;

SELECT throws_ok('SELECT rollup(r) FROM damaged', 'XX001', 'invalid ratings value',
                 'rollup(ratings) validates a single stored value');
SELECT throws_ok($$SELECT rollup(r ORDER BY id) FROM (SELECT id, r FROM damaged
                   UNION ALL SELECT 2, 'scale=1..3 n={1,0,0}'::ratings) s$$,
                 'XX001', 'invalid ratings value',
                 'rollup(ratings) validates the first stored value');
SELECT throws_ok('SELECT rollup(p) FROM damaged_pairs', 'XX001', NULL,
                 'rollup(rating_pairs) validates a single stored value');

-- The issue's reproduction: two weighted transitions whose weight sums round
-- (0.1 + 0.2) used to return a value with the internal flag set.
CREATE TEMP TABLE chained AS
SELECT 1 AS id, ratings_trans(ratings_trans('scale=1..3 n={0,0,0} w={0,0,0} w2=0', 1, 0.1), 1, 0.2) AS r
UNION ALL SELECT 2, 'scale=1..3 n={0,1,0} w={0,2,0} w2=4';
SELECT is(get_byte(pg_temp.raw_bytes(r), 1), 1, 'a direct transition returns no internal flag (flags byte 0x01)')
FROM chained WHERE id = 1;
SELECT is((SELECT rollup(r ORDER BY id)::text FROM chained),
          (SELECT rollup(r ORDER BY id DESC)::text FROM chained),
          'rollup gives the same summary whatever the row order');
SELECT is((SELECT responses(rollup(r)) FROM chained), 3::bigint, 'that rollup counts 3 answers');

-- Direct inverse calls: removing an answer with another weight than it had
-- would leave weight 1.5 on a point without answers, which the input rejects.
SELECT throws_ok($$SELECT ratings_inv('scale=1..2 n={1,1} w={2.5,1} w2=7.25', 1)$$, '22023',
                 'invalid ratings value', 'unweighted inverse of a weighted answer is refused');
SELECT throws_ok($$SELECT ratings_inv('scale=1..2 n={1,1} w={2.5,1} w2=7.25', 1, 1.0)$$, '22023',
                 'invalid ratings value', 'inverse with the wrong weight is refused');
-- With its own weight the answer goes: w = {2.5 - 2.5, 1}, w2 = 7.25 - 2.5^2 = 1.
SELECT is(ratings_inv('scale=1..2 n={1,1} w={2.5,1} w2=7.25', 1, 2.5)::text,
          'scale=1..2 n={0,1} w={0,1} w2=1', 'inverse with the right weight');

-- Non-strict rollups skip NULL values as the strict ones did.
SELECT is((SELECT rollup(r)::text FROM (VALUES (NULL::ratings), ('scale=1..3 n={1,2,0}')) v(r)),
          'scale=1..3 n={1,2,0}', 'rollup(ratings) skips a NULL first value');
SELECT ok((SELECT rollup(r) FROM (VALUES (NULL::ratings), (NULL)) v(r)) IS NULL,
          'rollup(ratings) of NULLs is NULL');
SELECT is((SELECT rollup(p)::text FROM (VALUES (NULL::rating_pairs), ((SELECT rating_pairs_agg(1, 2)))) v(p)),
          (SELECT rating_pairs_agg(1, 2)::text), 'rollup(rating_pairs) skips a NULL first value');

-- A moving frame over stored values with NULLs among them equals the rollup
-- recomputed over the same rows (the inverse skips what the forward skipped).
CREATE TEMP TABLE daily AS
SELECT i AS id,
       CASE WHEN i % 4 = 0 THEN NULL ELSE ratings_agg(i % 5, 0, 4) END AS r,
       CASE WHEN i % 3 = 0 THEN NULL ELSE rating_pairs_agg(i % 5, i % 3) END AS p
FROM generate_series(1, 40) i GROUP BY i;
SELECT is((SELECT count(*) FROM (
               SELECT id, rollup(r) OVER w AS r, rollup(p) OVER w AS p FROM daily
               WINDOW w AS (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)) m
           WHERE m.r::text IS DISTINCT FROM (SELECT rollup(d.r)::text FROM daily d WHERE d.id BETWEEN m.id - 2 AND m.id)
              OR m.p::text IS DISTINCT FROM (SELECT rollup(d.p)::text FROM daily d WHERE d.id BETWEEN m.id - 2 AND m.id)),
          0::bigint, 'moving rollup frames with NULL values equal the recomputed rollups');
SELECT is((SELECT count(*) FROM daily WHERE r IS NULL), 10::bigint, 'the frames did include NULL values');

-- Text and binary input accept the same values: a weight of -0 (sign bit
-- set) has the text form 'w={-0,...}', which ratings_in refuses, so
-- ratings_recv refuses it too.  Bytes: version 1, flags 1 (weighted),
-- scale 1..1, count 1, weight -0, sum of squares 0.  (Found by test/fuzz.sql.)
SELECT throws_ok($$SELECT pg_temp.recv_ratings(decode('0101' || '00000001' || '00000001' || '0000000000000001'
                                                       || '8000000000000000' || '0000000000000000', 'hex'))$$,
                 '22P03', 'invalid ratings value', 'a weight of -0 is refused in binary as in text');
-- The same bytes with +0 are a valid value, as its text form is.
SELECT is(pg_temp.recv_ratings(decode('0101' || '00000001' || '00000001' || '0000000000000001'
                                      || '0000000000000000' || '0000000000000000', 'hex'))::text,
          'scale=1..1 n={1} w={0} w2=0', 'the same value with a weight of +0 is accepted');

SELECT * FROM finish();
ROLLBACK;
