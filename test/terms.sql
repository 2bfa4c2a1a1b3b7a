-- term_ratings: the type, term_ratings_agg, rollup, + and the accessors
-- (README.md: "Verbatim themes").  Expected values are worked out by hand
-- in the comments.
\ir helpers.psql
SELECT plan(43);

-- Five responses with a score (and one without, skipped), stemmed by the
-- english configuration (stop words "the", "was" dropped):
--   1  'The invoice was late'          2   invoic, late
--   2  'Late delivery, late invoice'   6   deliveri, invoic, late (late once)
--   3  'Great support'                10   great, support
--   4  NULL                            9   (no terms; counts overall)
--   5  'support was slow'              7   slow, support
--   6  'x'                          NULL   skipped
-- Overall: one response at each of 2, 6, 7, 9, 10.  Per term:
--   deliveri {6}, great {10}, invoic {2, 6}, late {2, 6}, slow {7},
--   support {7, 10}; in byte order: deliveri < great < invoic < late <
--   slow < support.
CREATE TABLE r (id int, c text, s int, d date);
INSERT INTO r VALUES
    (1, 'The invoice was late', 2, '2026-01-01'),
    (2, 'Late delivery, late invoice', 6, '2026-01-01'),
    (3, 'Great support', 10, '2026-01-02'),
    (4, NULL, 9, '2026-01-02'),
    (5, 'support was slow', 7, '2026-01-03'),
    (6, 'x', NULL, '2026-01-03');
CREATE TABLE t AS SELECT term_ratings_agg(to_tsvector('english', c), s) AS t FROM r;

SELECT is((SELECT t::text FROM t),
          'scale=0..10 n={0,0,1,0,0,0,1,1,0,1,1} terms={'
          '"deliveri":{0,0,0,0,0,0,1,0,0,0,0},"great":{0,0,0,0,0,0,0,0,0,0,1},'
          '"invoic":{0,0,1,0,0,0,1,0,0,0,0},"late":{0,0,1,0,0,0,1,0,0,0,0},'
          '"slow":{0,0,0,0,0,0,0,1,0,0,0},"support":{0,0,0,0,0,0,0,1,0,0,1}}',
          'tsvector summary: overall counts and the counts of each lexeme, once per response');
SELECT is((SELECT responses(t) FROM t), 5::bigint, 'responses: 5 (the NULL score is skipped, the NULL comment counts)');
SELECT is((SELECT total_ratings(t)::text FROM t), 'scale=0..10 n={0,0,1,0,0,0,1,1,0,1,1}', 'total_ratings');
-- late: detractors 2 and 6: NPS -100; support: 7 passive, 10 promoter: NPS 50.
SELECT is((SELECT nps(term_ratings(t, 'late')) FROM t), -100::float8, 'nps of the responses that mention late');
SELECT is((SELECT nps(term_ratings(t, 'support')) FROM t), 50::float8, 'nps of the responses that mention support');
-- all: promoters 9, 10; detractors 2, 6; passive 7: (2 - 2) / 5 = 0.
SELECT is((SELECT nps(total_ratings(t)) FROM t), 0::float8, 'nps of all responses');
SELECT is((SELECT term_ratings(t, 'nope')::text FROM t), NULL, 'a term no response mentions: NULL');
SELECT is((SELECT term_ratings(t, 'lat')::text FROM t), NULL, 'a prefix of a term is another term');
SELECT is((SELECT (t::jsonb) -> 'terms' -> 'invoic' FROM t), '[0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0]'::jsonb, 'jsonb: the counts of a term');
SELECT is((SELECT (t::jsonb) ->> 'responses' FROM t), '5', 'jsonb: responses');

-- Tags: a repeated tag counts once, NULL elements are ignored, a NULL
-- array counts the response without terms.
--   {billing, billing, NULL, late}  3    billing, late
--   {late}                          4    late
--   NULL                            5
--   {}                              5
-- on 1..5: n={0,0,1,1,2}; billing {3}; late {3, 4}.
SELECT is((SELECT term_ratings_agg(g, s, 1, 5)::text
           FROM (VALUES (ARRAY['billing', 'billing', NULL, 'late'], 3), (ARRAY['late'], 4),
                        (NULL, 5), ('{}', 5)) v(g, s)),
          'scale=1..5 n={0,0,1,1,2} terms={"billing":{0,0,1,0,0},"late":{0,0,1,1,0}}',
          'text[] tags on 1..5: repeated once, NULL elements ignored');
SELECT is((SELECT term_ratings_agg(g, s)::text FROM (VALUES (ARRAY['b', 'a', 'b'], 9)) v(g, s)),
          'scale=0..10 n={0,0,0,0,0,0,0,0,0,1,0} terms={"a":{0,0,0,0,0,0,0,0,0,1,0},"b":{0,0,0,0,0,0,0,0,0,1,0}}',
          'tags are stored in byte order');
SELECT is((SELECT term_ratings_agg(ARRAY[g], s)::text FROM (VALUES ('a', NULL::int)) v(g, s)), NULL,
          'only NULL scores: NULL');
SELECT is((SELECT term_ratings_agg(to_tsvector('simple', ''), 3)::text),
          'scale=0..10 n={0,0,0,1,0,0,0,0,0,0,0} terms={}', 'an empty document counts the response');
-- Terms are bytes: upper case, accents and quotes as they are.
SELECT is((SELECT term_ratings_agg(ARRAY[g], 1, 0, 1)::text FROM unnest(ARRAY['B', 'a', 'é', 'say "hi" \o/']) g),
          'scale=0..1 n={0,4} terms={"B":{0,1},"a":{0,1},"say \"hi\" \\o/":{0,1},"é":{0,1}}',
          'terms compared as bytes; " and \ escaped in the text form');

-- Every score type gives the same summary.
SELECT is((SELECT array_agg(DISTINCT x) FROM (
              SELECT term_ratings_agg(to_tsvector('english', c), s::smallint)::text x FROM r
              UNION ALL SELECT term_ratings_agg(to_tsvector('english', c), s::bigint)::text FROM r
              UNION ALL SELECT term_ratings_agg(to_tsvector('english', c), s::numeric)::text FROM r
              UNION ALL SELECT term_ratings_agg(to_tsvector('english', c), s::float8)::text FROM r
              UNION ALL SELECT term_ratings_agg(to_tsvector('english', c), s, 0, 10)::text FROM r) u),
          (SELECT ARRAY[t::text] FROM t), 'smallint, bigint, numeric, float8 and 0..10 give the same summary');

-- Text and binary round trips.
SELECT is((SELECT t::text::term_ratings::text FROM t), (SELECT t::text FROM t), 'text round trip');
SELECT is((SELECT pg_temp.recv(term_ratings_send(t), NULL::term_ratings)::text FROM t), (SELECT t::text FROM t),
          'binary round trip');
SELECT is(pg_temp.recv(term_ratings_send('scale=-2..0 n={0,0,0} terms={}'), NULL::term_ratings)::text,
          'scale=-2..0 n={0,0,0} terms={}', 'binary round trip of an empty summary');

-- Errors.
SELECT throws_ok($$SELECT 'scale=0..1 n={1,1} terms={"a":{1,0},"a":{0,1}}'::term_ratings$$, '22P02',
                 'invalid term_ratings value', 'duplicate term');
SELECT throws_ok($$SELECT 'scale=0..1 n={1,1} terms={"b":{1,0},"a":{0,1}}'::term_ratings$$, '22P02',
                 'invalid term_ratings value', 'terms out of order');
SELECT throws_ok($$SELECT 'scale=0..1 n={1,1} terms={"a":{2,0}}'::term_ratings$$, '22P02',
                 'invalid term_ratings value', 'a term counted more often than the responses at a point');
SELECT throws_ok($$SELECT 'scale=0..1 n={1,1} terms={"a":{0,0}}'::term_ratings$$, '22P02',
                 'invalid term_ratings value', 'a term no response mentions');
SELECT throws_ok($$SELECT 'scale=0..1 n={-1,1} terms={}'::term_ratings$$, '22P02', NULL, 'negative count');
SELECT throws_ok($$SELECT 'scale=0..1 n={9223372036854775807,1} terms={}'::term_ratings$$, '22P02',
                 'invalid term_ratings value', 'total beyond bigint');
SELECT throws_ok($$SELECT 'scale=0..1 n={1,1} terms={"a\x":{1,0}}'::term_ratings$$, '22P02', NULL, 'unknown escape');
SELECT throws_ok($$SELECT 'scale=0..101 n={} terms={}'::term_ratings$$, '22P02', NULL, 'more than 101 points');
SELECT throws_ok($$SELECT 'scale=0..1 n={1,1}'::term_ratings$$, '22P02', NULL, 'no terms');
SELECT throws_ok($$SELECT pg_temp.recv('\x020000000000000000000000000000', NULL::term_ratings)$$, '22P03',
                 'invalid term_ratings value', 'binary version 2');
SELECT throws_ok($$SELECT pg_temp.recv('\x0100000000000000000000000100000000000000000000000001', NULL::term_ratings)$$, '22P03',
                 'invalid term_ratings value', 'binary: a term whose bytes are missing');
SELECT throws_ok($$SELECT pg_temp.recv('\x010000000000000000000000000000000000000000000000000000000001', NULL::term_ratings)$$, '22P03',
                 'invalid term_ratings value', 'binary: a term at score 0 that has no response');
SELECT throws_ok($$SELECT term_ratings_agg(ARRAY['a'], 11)$$, '22003', 'score 11 is outside the scale 0..10',
                 'score outside the scale');
SELECT throws_ok($$SELECT term_ratings_agg(ARRAY['a'], 1.5)$$, '22003', NULL, 'non-integral score');
SELECT throws_ok($$SELECT term_ratings_agg(ARRAY['a'], 1, 5, 1)$$, '22023', NULL, 'invalid scale');
SELECT throws_ok($$SELECT term_ratings_agg(ARRAY[repeat('x', 2048)], 1)$$, '22023', NULL, 'a term of more than 2047 bytes');
SELECT throws_ok($$SELECT 'scale=0..1 n={1,0} terms={}'::term_ratings + 'scale=0..2 n={1,0,0} terms={}'::term_ratings$$,
                 '22023', 'cannot add term_ratings on different scales 0..1 and 0..2', '+ of different scales');
SELECT throws_ok($$SELECT rollup(v) FROM (VALUES ('scale=0..1 n={1,0} terms={}'::term_ratings),
                                               ('scale=1..2 n={1,0} terms={}')) x(v)$$,
                 '22023', NULL, 'rollup of different scales');

-- + and rollup: a + b is the summary of both; NULL + b is b.
-- {a at 0} + {a at 1, b at 1}: n={1,1}, a {1,1}, b {0,1}.
SELECT is(('scale=0..1 n={1,0} terms={"a":{1,0}}'::term_ratings
           + 'scale=0..1 n={0,1} terms={"a":{0,1},"b":{0,1}}')::text,
          'scale=0..1 n={1,1} terms={"a":{1,1},"b":{0,1}}', 'a + b');
SELECT is((NULL::term_ratings + 'scale=0..1 n={0,1} terms={}')::text, 'scale=0..1 n={0,1} terms={}', 'NULL + b is b');

-- Plans: serial = rollup of daily summaries = parallel = partitionwise,
-- bit for bit, on 6,000 generated comments of 200 distinct words.
CREATE TABLE big AS
SELECT i, date '2026-01-01' + i % 9 AS d, i % 11 AS s,
       CASE WHEN i % 13 > 0 THEN to_tsvector('simple', 'w' || i % 200 || ' v' || i % 37 || ' w' || i * 7 % 200) END AS v
FROM generate_series(1, 6000) i;
CREATE TABLE serial AS SELECT term_ratings_agg(v, s)::text AS x FROM big;
SELECT is((SELECT rollup(t)::text FROM (SELECT d, term_ratings_agg(v, s) t FROM big GROUP BY d) daily),
          (SELECT x FROM serial), 'rollup of daily summaries = serial');
\ir force_parallel.psql
ANALYZE big;
SELECT matches(pg_temp.plan_of('SELECT term_ratings_agg(v, s) FROM big'), 'Partial Aggregate',
               'forced parallel plan has a Partial Aggregate');
SELECT is((SELECT term_ratings_agg(v, s)::text FROM big), (SELECT x FROM serial), 'parallel = serial, bit for bit');
RESET max_parallel_workers_per_gather;
CREATE TABLE part (i int, s int, v tsvector) PARTITION BY RANGE (i);
CREATE TABLE part_1 PARTITION OF part FOR VALUES FROM (0) TO (2000);
CREATE TABLE part_2 PARTITION OF part FOR VALUES FROM (2000) TO (4000);
CREATE TABLE part_3 PARTITION OF part FOR VALUES FROM (4000) TO (10000);
INSERT INTO part SELECT i, s, v FROM big;
ANALYZE part;
SET LOCAL enable_partitionwise_aggregate = on;
SELECT is((SELECT term_ratings_agg(v, s)::text FROM part), (SELECT x FROM serial), 'partitionwise = serial, bit for bit');

SELECT * FROM finish();
ROLLBACK;
