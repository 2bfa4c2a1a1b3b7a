-- The + operator of every summary type: a + b is the summary of the rows of
-- both, with rollup's rules (README.md, "Daily summaries, monthly reports").
-- Expected values are sums worked out by hand in the comments, or rollup of
-- the same two values.
\ir helpers.psql
SELECT plan(16);

-- Counts add point by point: {0,1,2} + {3,0,1} = {3,1,3}.
SELECT is(('scale=1..3 n={0,1,2}'::ratings + 'scale=1..3 n={3,0,1}')::text,
          'scale=1..3 n={3,1,3}', 'ratings + ratings adds the counts');
-- Unweighted + weighted: the unweighted answers weigh 1 each, so
-- w = {1 + 0.5, 0 + 2, 2 + 0} and w2 = 3 answers x 1 + 4.25.
SELECT is(('scale=1..3 n={1,0,2}'::ratings + 'scale=1..3 n={1,1,0} w={0.5,2,0} w2=4.25')::text,
          'scale=1..3 n={2,1,2} w={1.5,2,2} w2=7.25', 'unweighted + weighted ratings');
SELECT is(('scale=1..3 n={1,1,0} w={0.5,2,0} w2=4.25'::ratings + 'scale=1..3 n={1,0,2}')::text,
          'scale=1..3 n={2,1,2} w={1.5,2,2} w2=7.25', 'weighted + unweighted ratings (commutes)');
SELECT is((NULL::ratings + 'scale=1..3 n={1,0,2}')::text, 'scale=1..3 n={1,0,2}', 'NULL + b is b');
SELECT is(('scale=1..3 n={1,0,2}'::ratings + NULL)::text, 'scale=1..3 n={1,0,2}', 'a + NULL is a');
SELECT throws_ok($$SELECT 'scale=1..3 n={1,0,2}'::ratings + 'scale=1..5 n={1,0,2,0,0}'$$, '22023',
                 'cannot combine ratings on different scales', 'ratings on different scales');
SELECT throws_ok($$SELECT 'scale=0..1 n={9223372036854775807,0}'::ratings + 'scale=0..1 n={0,1}'$$, '22003',
                 NULL, 'a total beyond bigint is refused');

-- rating_pairs: the cells add; a value on one side only joins the axis.
SELECT is((rating_pairs_agg(x, y) FILTER (WHERE i <= 3) + rating_pairs_agg(x, y) FILTER (WHERE i > 3))::text,
          rating_pairs_agg(x, y)::text, 'rating_pairs + rating_pairs is the table of all rows')
FROM (VALUES (1, 1, 2), (2, 2, 2), (3, 3, 5), (4, 1, 2), (5, 7, 1)) v(i, x, y);
SELECT is((NULL::rating_pairs + (SELECT rating_pairs_agg(1, 2)))::text,
          (SELECT rating_pairs_agg(1, 2)::text), 'NULL + rating_pairs');

-- driver_matrix: the same as rollup of the two values, bit for bit.
CREATE TEMP TABLE dm AS
SELECT i % 2 AS part, driver_agg((i * 7) % 11, ARRAY[(i * 3) % 11, (i * 5) % 7]::float8[]) AS m
FROM generate_series(1, 200) i GROUP BY 1;
SELECT is((SELECT a.m + b.m FROM dm a, dm b WHERE a.part = 0 AND b.part = 1)::text,
          (SELECT rollup(m ORDER BY part)::text FROM dm), 'driver_matrix + driver_matrix equals rollup');
SELECT is((SELECT responses(a.m + b.m) FROM dm a, dm b WHERE a.part = 0 AND b.part = 1), 200::bigint,
          'and counts the 200 rows');
SELECT throws_ok($$SELECT driver_agg(1, ARRAY[1]::float8[]) + driver_agg(1, ARRAY[1, 2]::float8[])$$, '22023',
                 'cannot combine driver matrices of 1 and 2 drivers', 'driver matrices of different sizes');

-- The incremental-load recipe: a second load of the same day adds to the
-- stored summary and gives the summary of all rows.
CREATE TEMP TABLE answers AS
SELECT i, date '2026-03-01' + i % 3 AS day, (i * 7) % 11 AS recommend FROM generate_series(1, 300) i;
CREATE TEMP TABLE daily (day date PRIMARY KEY, recommend ratings);
INSERT INTO daily SELECT day, nps_agg(recommend) FROM answers WHERE i <= 100 GROUP BY day;
INSERT INTO daily SELECT day, nps_agg(recommend) FROM answers WHERE i > 100 GROUP BY day
ON CONFLICT (day) DO UPDATE SET recommend = daily.recommend + EXCLUDED.recommend;
SELECT is((SELECT count(*) FROM daily d
           WHERE d.recommend::text <> (SELECT nps_agg(recommend)::text FROM answers a WHERE a.day = d.day)),
          0::bigint, 'incremental loads with + equal the summary of all rows');
SELECT is((SELECT count(*) FROM daily), 3::bigint, 'one row per day');

-- Damaged stored values are refused by + as by rollup.
CREATE FUNCTION pg_temp.raw_ratings(bytea) RETURNS ratings LANGUAGE internal STRICT AS 'byteasend';
-- Version 1, flags 0x81 (0x80 is internal, never stored), scale 1..1,
-- count 1, weight 1, sum of squares 1.
SELECT throws_ok($$SELECT pg_temp.raw_ratings('\x01810000010000000100000001000000000000000000000000f03f000000000000f03f'::bytea)
                          + 'scale=1..1 n={1}'::ratings$$, 'XX001', 'invalid ratings value',
                 'a damaged left side is refused');
SELECT throws_ok($$SELECT 'scale=1..1 n={1}'::ratings
                          + pg_temp.raw_ratings('\x01810000010000000100000001000000000000000000000000f03f000000000000f03f'::bytea)$$,
                 'XX001', 'invalid ratings value', 'a damaged right side is refused');

SELECT * FROM finish();
ROLLBACK;
