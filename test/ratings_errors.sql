-- Every error of the ratings type, aggregates and accessors, with its
-- SQLSTATE and message (SPEC 4 "Common rules"):
--   22003  a score outside the scale or not an integer
--   22023  a NaN score, a bad weight, a bad scale, rollup across scales, nps() off 0..10,
--          boxes outside the scale
--   22P02  a malformed literal;  22P03  a malformed binary value
\ir helpers.psql
SELECT plan(40);

-- Scores outside the scale, for every score type and aggregate family.
SELECT throws_ok('SELECT nps(11)', '22003', 'score 11 is outside the scale 0..10', 'nps: 11');
SELECT throws_ok('SELECT nps(-1::smallint)', '22003', 'score -1 is outside the scale 0..10', 'nps: smallint -1');
SELECT throws_ok('SELECT nps(9223372036854775807)', '22003',
                 'score 9223372036854775807 is outside the scale 0..10', 'nps: bigint max');
SELECT throws_ok('SELECT ces(0)', '22003', 'score 0 is outside the scale 1..7', 'ces: 0');
SELECT throws_ok('SELECT csat(6, 1.0)', '22003', 'score 6 is outside the scale 1..5', 'weighted csat: 6');
SELECT throws_ok('SELECT ratings_agg(5, 1, 4)', '22003', 'score 5 is outside the scale 1..4', 'ratings_agg: 5 on 1..4');
SELECT throws_ok('SELECT nps(10.5)', '22003', 'score 10.5 is not an integer point of the scale 0..10', 'numeric 10.5');
SELECT throws_ok('SELECT nps(9.0000000000000000001)', '22003',
                 'score 9.0000000000000000001 is not an integer point of the scale 0..10',
                 'numeric just above 9 is not rounded away');
SELECT throws_ok('SELECT nps(''NaN''::numeric)', '22023', 'score NaN is not a point of the scale 0..10', 'numeric NaN');
SELECT throws_ok('SELECT nps(1e30::numeric)', '22003',
                 'score 1000000000000000000000000000000 is outside the scale 0..10', 'numeric 1e30');
SELECT throws_ok('SELECT nps(7.5::float8)', '22003', 'score 7.5 is not an integer point of the scale 0..10', 'float8 7.5');
SELECT throws_ok('SELECT nps(''NaN''::float8)', '22023', 'score NaN is not a point of the scale 0..10', 'float8 NaN');
SELECT throws_ok('SELECT nps(''Infinity''::float8)', '22003',
                 'score Infinity is outside the scale 0..10', 'float8 Infinity');
SELECT throws_ok('SELECT nps(-3e20::float8)', '22003', 'score -3e+20 is outside the scale 0..10', 'float8 -3e20');
-- The bad row is reported even after good rows and among NULLs: no row is dropped.
SELECT throws_ok('SELECT nps(s) FROM (VALUES (10), (NULL), (12)) v(s)', '22003',
                 'score 12 is outside the scale 0..10', 'a bad row after good ones');

-- Weights
SELECT throws_ok('SELECT nps(5, -1)', '22023', 'weight -1 is not a finite number >= 0', 'negative weight');
SELECT throws_ok('SELECT nps(5, ''NaN'')', '22023', 'weight NaN is not a finite number >= 0', 'NaN weight');
SELECT throws_ok('SELECT nps(5, ''Infinity'')', '22023', 'weight Infinity is not a finite number >= 0', 'infinite weight');
SELECT throws_ok('SELECT ratings_agg(2, 1, 5, -0.5)', '22023', 'weight -0.5 is not a finite number >= 0',
                 'negative weight in ratings_agg');

-- Scales
SELECT throws_ok('SELECT ratings_agg(3, 5, 1)', '22023', 'scale 5..1 is invalid', 'lo > hi');
SELECT throws_ok('SELECT ratings_agg(3, 0, 101)', '22023', 'scale 0..101 is invalid', '102 points');
SELECT throws_ok('SELECT ratings_agg(3, 1, NULL)', '22004', 'the scale bounds of ratings_agg must not be NULL', 'NULL bound');
SELECT throws_ok('SELECT ratings_agg(s, 1, hi) FROM (VALUES (1, 5), (2, 7)) v(s, hi)', '22023',
                 'the scale of ratings_agg changed from 1..5 to 1..7', 'scale changes between rows');
SELECT throws_ok('SELECT rollup(r) FROM (VALUES (''scale=0..10 n={0,0,0,0,0,0,0,0,0,0,1}''::ratings),
                                               (''scale=1..5 n={1,0,0,0,0}'')) v(r)',
                 '22023', 'cannot combine ratings on different scales', 'rollup across scales');

-- NPS accessors need 0..10; boxes must fit the scale.
CREATE TEMP TABLE five AS SELECT 'scale=1..5 n={1,0,0,0,0}'::ratings AS r;
SELECT throws_ok(format('SELECT %s FROM five', call), '22023', msg, descr) FROM (VALUES
    ('nps(r)', 'nps needs a summary on the scale 0..10, not 1..5', 'nps of a 1..5 summary'),
    ('promoters(r)', 'promoters needs a summary on the scale 0..10, not 1..5', 'promoters of a 1..5 summary'),
    ('detractor_pct(r)', 'detractor_pct needs a summary on the scale 0..10, not 1..5', 'detractor_pct of a 1..5 summary'),
    ('top_box(r, 6)', 'boxes 6 is out of range for the scale 1..5', 'top_box 6 of 5 points'),
    ('bottom_box(r, 0)', 'boxes 0 is out of range for the scale 1..5', 'bottom_box 0')) v(call, msg, descr);

-- Inverse transitions called by hand cannot make counts negative.
SELECT throws_ok('SELECT ratings_inv(''scale=0..10 n={0,0,0,0,0,0,0,0,0,0,1}''::ratings, 5)', '22023',
                 'cannot remove score 5 from a summary that holds no such response', 'inverse of a missing response');
-- Called outside an aggregate, a transition function leaves its input alone.
SELECT is(ratings_trans(r, 10)::text || ' / ' || r::text,
          'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,2} / scale=0..10 n={0,0,0,0,0,0,0,0,0,0,1}',
          'a direct call does not modify its input')
FROM (VALUES ('scale=0..10 n={0,0,0,0,0,0,0,0,0,0,1}'::ratings)) v(r);

-- Malformed literals
SELECT throws_ok('SELECT ''scale=0..10 n={1}''::ratings', '22P02',
                 'invalid input syntax for type ratings: "scale=0..10 n={1}"', 'too few counts');
SELECT throws_ok('SELECT ''scale=1..2 n={1,1} w={1,2} w2=50''::ratings', '22P02',
                 'invalid ratings value', 'inconsistent w2');

-- Binary values (through a binary COPY): a valid one, then damaged ones.
SELECT is(pg_temp.recv_ratings(ratings_send('scale=1..3 n={1,0,2}'))::text, 'scale=1..3 n={1,0,2}',
          'binary round trip through recv');
SELECT throws_ok(format('SELECT pg_temp.recv_ratings(%L::bytea)', b), '22P03', 'invalid ratings value', descr)
FROM (VALUES
    ('\x0200000000010000000300000000000000010000000000000000000000000000000002', 'unknown version 2'),
    ('\x0104000000010000000300000000000000010000000000000000000000000000000002', 'unknown flag 0x04'),
    ('\x01000000000100000003000000000000000100000000000000000000000000000000020000', 'trailing bytes'),
    ('\x0100000000010000000300000000000000010000000000000000',
     'truncated value (checked before reading, like every other damage)'),
    ('\x01000000000100000003ffffffffffffffff0000000000000000000000000000000002', 'negative count'),
    ('\x01000000000300000001', 'scale 3..1')) v(b, descr);

SELECT * FROM finish();
ROLLBACK;
