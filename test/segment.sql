-- Loyalty segmentation (SPEC 4.5).  Expected values are written out by hand
-- from the rules:
--   nps_category: 0-6 detractor, 7-8 passive, 9-10 promoter
--   loyalty_segment: satisfied = satisfaction 4-5 of 5, loyal = recommend
--   9-10 of 10; loyalist = satisfied & loyal, mercenary = satisfied & not
--   loyal, hostage = not satisfied & loyal, defector = neither
--   loyalty_index = 10 x mean of the non-NULL 0-10 answers
\ir helpers.psql
SELECT plan(47);

-- NPS categories of 0..10, one letter each (d/p/P): 7 d, 2 p, 2 P.
SELECT is(string_agg(CASE nps_category(s) WHEN 'detractor' THEN 'd' WHEN 'passive' THEN 'p' ELSE 'P' END, '' ORDER BY s),
          'dddddddppPP', 'nps_category over 0..10')
FROM generate_series(0, 10) s;
SELECT is(enum_range(NULL::nps_category)::text, '{detractor,passive,promoter}', 'nps_category order');
SELECT is(enum_range(NULL::loyalty_segment)::text, '{loyalist,mercenary,hostage,defector}', 'loyalty_segment order');

-- The whole 5 x 11 grid.  Rows are satisfaction 1..5, letters are recommend
-- 0..10 (L loyalist, M mercenary, H hostage, D defector): dissatisfied rows
-- 1-3 are D for 0-8 and H for 9-10; satisfied rows 4-5 are M then L.
SELECT is(array_agg(row_ ORDER BY sat), ARRAY['DDDDDDDDDHH', 'DDDDDDDDDHH', 'DDDDDDDDDHH',
                                                'MMMMMMMMMLL', 'MMMMMMMMMLL'],
          'loyalty_segment over the 5 x 11 answer grid')
FROM (SELECT sat, string_agg(upper(left(loyalty_segment(sat, rec)::text, 1)), '' ORDER BY rec) AS row_
      FROM generate_series(1, 5) sat, generate_series(0, 10) rec GROUP BY sat) g;
-- The same grid through every answer type.
SELECT is(count(*) FILTER (WHERE loyalty_segment(sat::smallint, rec::smallint) = loyalty_segment(sat, rec)
                             AND loyalty_segment(sat::bigint, rec::bigint) = loyalty_segment(sat, rec)
                             AND loyalty_segment(sat::numeric, rec::numeric) = loyalty_segment(sat, rec)
                             AND loyalty_segment(sat::float8, rec::float8) = loyalty_segment(sat, rec)
                             AND loyalty_segment(sat::float8, rec::float8, 4, 9) = loyalty_segment(sat, rec)),
          55::bigint, 'every answer type, and the general form with thresholds 4 and 9, agree on all 55 cells')
FROM generate_series(1, 5) sat, generate_series(0, 10) rec;
SELECT is(nps_category(9.0), 'promoter'::nps_category, 'numeric 9.0 is an integer answer');

-- Threshold boundaries of the general form: >= counts as reaching it.
SELECT is(loyalty_segment(3.5, 7.0, 3.5, 7.0), 'loyalist'::loyalty_segment, 'both exactly at the thresholds');
SELECT is(loyalty_segment(3.4999, 7.0, 3.5, 7.0), 'hostage'::loyalty_segment, 'satisfaction just below');
SELECT is(loyalty_segment(3.5, 6.9999, 3.5, 7.0), 'mercenary'::loyalty_segment, 'loyalty just below');
SELECT is(loyalty_segment(-2, -2, -1, -1), 'defector'::loyalty_segment, 'any scale, negative values');
SELECT is(loyalty_segment(72.5, 0.81, 70, 0.8), 'loyalist'::loyalty_segment, 'a 0-100 index and a 0-1 probability');

-- Loyalty index: 10 x mean of the non-NULL answers.
SELECT is(loyalty_index(10, 8, NULL), 90::float8, '(10 + 8) / 2 * 10 = 90');
SELECT is(loyalty_index(7, 8, 9), 80::float8, '(7 + 8 + 9) / 3 * 10 = 80');
SELECT is(loyalty_index(0, 0, 0), 0::float8, 'all zero');
SELECT is(loyalty_index(10, 10, 10), 100::float8, 'all ten');
SELECT is(loyalty_index(NULL::int, 3, NULL), 30::float8, 'one answer');
SELECT is(loyalty_index(NULL::int, NULL, NULL), NULL, 'no answer: NULL');
SELECT pg_temp.is_close(loyalty_index(10::smallint, 9::smallint, 9::smallint), 280.0 / 3, 'smallint: 28 / 3 * 10');
SELECT pg_temp.is_close(loyalty_index(10.0, 9, 9), 280.0 / 3, 'numeric');
SELECT pg_temp.is_close(loyalty_index(10::float8, 9, NULL), 95.0, 'double precision');

-- Overload resolution without casts.
SELECT is(loyalty_segment(4::smallint, 9), 'loyalist'::loyalty_segment, 'smallint with integer');
SELECT is(loyalty_segment(4::smallint, 9::bigint), 'loyalist'::loyalty_segment, 'smallint with bigint');
SELECT is(loyalty_segment(4, 9.0), 'loyalist'::loyalty_segment, 'integer with numeric');
SELECT is(loyalty_segment(4.0, 8::float8), 'mercenary'::loyalty_segment, 'numeric with double precision');
SELECT is(nps_category(9::smallint), 'promoter'::nps_category, 'smallint');
SELECT is(loyalty_segment(NULL::int, 9), NULL, 'NULL answer: NULL segment');
SELECT is(nps_category(NULL::int), NULL, 'NULL answer: NULL category');

-- Errors: 22003 for answers off their scale or fractional, 22023 for NaN.
SELECT throws_ok('SELECT nps_category(11)', '22003', 'score 11 is outside the scale 0..10', 'nps_category 11');
SELECT throws_ok('SELECT nps_category(-1::smallint)', '22003', 'score -1 is outside the scale 0..10', 'nps_category -1');
SELECT throws_ok('SELECT nps_category(7.5)', '22003', 'score 7.5 is not an integer point of the scale 0..10', 'nps_category 7.5');
SELECT throws_ok('SELECT nps_category(''NaN''::float8)', '22023', 'score NaN is not a point of the scale 0..10', 'nps_category NaN');
SELECT throws_ok('SELECT loyalty_segment(6, 9)', '22003', 'score 6 is outside the scale 1..5', 'satisfaction 6');
SELECT throws_ok('SELECT loyalty_segment(0::bigint, 9)', '22003', 'score 0 is outside the scale 1..5', 'satisfaction 0');
SELECT throws_ok('SELECT loyalty_segment(4, 11)', '22003', 'score 11 is outside the scale 0..10', 'recommend 11');
SELECT throws_ok('SELECT loyalty_segment(4.5, 9)', '22003', 'score 4.5 is not an integer point of the scale 1..5', 'satisfaction 4.5');
SELECT throws_ok('SELECT loyalty_segment(4, ''NaN''::numeric)', '22023', 'score NaN is not a point of the scale 0..10', 'recommend NaN');
SELECT throws_ok('SELECT loyalty_segment(''NaN'', 1, 1, 1)', '22023', 'satisfaction NaN is not a finite number', 'general: NaN satisfaction');
SELECT throws_ok('SELECT loyalty_segment(1, 1, ''NaN'', 1)', '22023', 'satisfied_from NaN is not a finite number', 'general: NaN threshold');
SELECT throws_ok('SELECT loyalty_segment(1, 1, 1, ''-Infinity'')', '22023', 'loyal_from -Infinity is not a finite number', 'general: infinite threshold');
SELECT throws_ok('SELECT loyalty_segment(1, ''Infinity'', 1, 1)', '22003', 'loyalty Infinity is out of range', 'general: infinite answer');
SELECT throws_ok('SELECT loyalty_index(11, NULL, NULL)', '22003', 'score 11 is outside the scale 0..10', 'loyalty_index 11');
SELECT throws_ok('SELECT loyalty_index(5, ''NaN''::float8, NULL)', '22023', 'score NaN is not a point of the scale 0..10', 'loyalty_index NaN');

-- Reporting over a customer table.  Six customers answer in two quarters
-- (customer 6 only in the first):
--   c1 Q1 (5,10) loyalist  -> Q2 (4,7)  mercenary   revenue 100
--   c2 Q1 (5,9)  loyalist  -> Q2 (5,10) loyalist    revenue 200
--   c3 Q1 (2,9)  hostage   -> Q2 (2,3)  defector    revenue  50
--   c4 Q1 (4,6)  mercenary -> Q2 (3,6)  defector    revenue 300
--   c5 Q1 (1,2)  defector  -> Q2 (4,9)  loyalist    revenue  25
--   c6 Q1 (3,10) hostage                            revenue  75
CREATE TEMP TABLE cust (id int, revenue numeric);
INSERT INTO cust VALUES (1, 100), (2, 200), (3, 50), (4, 300), (5, 25), (6, 75);
CREATE TEMP TABLE survey (id int, quarter date, satisfaction int, recommend int);
INSERT INTO survey VALUES
    (1, '2026-01-01', 5, 10), (1, '2026-04-01', 4, 7),
    (2, '2026-01-01', 5, 9),  (2, '2026-04-01', 5, 10),
    (3, '2026-01-01', 2, 9),  (3, '2026-04-01', 2, 3),
    (4, '2026-01-01', 4, 6),  (4, '2026-04-01', 3, 6),
    (5, '2026-01-01', 1, 2),  (5, '2026-04-01', 4, 9),
    (6, '2026-01-01', 3, 10);

-- Segment mix with revenue from each customer's latest answers:
-- loyalist c2, c5 = 225; mercenary c1 = 100; hostage c6 = 75;
-- defector c3, c4 = 350.
SELECT results_eq(
    $$WITH latest AS (SELECT DISTINCT ON (id) id, satisfaction, recommend
                      FROM survey ORDER BY id, quarter DESC)
      SELECT loyalty_segment(l.satisfaction, l.recommend), count(*), sum(c.revenue)
      FROM latest l JOIN cust c USING (id) GROUP BY 1 ORDER BY 1$$,
    $$VALUES ('loyalist'::loyalty_segment, 2::bigint, 225::numeric), ('mercenary', 1, 100),
             ('hostage', 1, 75), ('defector', 2, 350)$$,
    'segment mix with revenue from the latest answers');

-- Migration Q1 -> Q2 (rows from, columns to: loyalist, mercenary, hostage,
-- defector): loyalist row 1,1,0,0; mercenary 0,0,0,1; hostage 0,0,0,1;
-- defector 1,0,0,0; c6 has no Q2 answer and is not counted.
SELECT results_eq(
    $$SELECT loyalty_segment(a.satisfaction, a.recommend),
             count(*) FILTER (WHERE loyalty_segment(b.satisfaction, b.recommend) = 'loyalist'),
             count(*) FILTER (WHERE loyalty_segment(b.satisfaction, b.recommend) = 'mercenary'),
             count(*) FILTER (WHERE loyalty_segment(b.satisfaction, b.recommend) = 'hostage'),
             count(*) FILTER (WHERE loyalty_segment(b.satisfaction, b.recommend) = 'defector')
      FROM survey a JOIN survey b ON b.id = a.id AND b.quarter = a.quarter + 90
      WHERE a.quarter = '2026-01-01'
      GROUP BY 1 ORDER BY 1$$,
    $$VALUES ('loyalist'::loyalty_segment, 1::bigint, 1::bigint, 0::bigint, 0::bigint),
             ('mercenary', 0, 0, 0, 1), ('hostage', 0, 0, 0, 1), ('defector', 1, 0, 0, 0)$$,
    'quarter-to-quarter migration table');

-- The functions are IMMUTABLE and PARALLEL SAFE, as an index or a parallel
-- plan needs.
SELECT is(count(*) FILTER (WHERE provolatile = 'i' AND proparallel = 's'), count(*),
          'every segmentation function is immutable and parallel safe')
FROM pg_proc WHERE proname IN ('nps_category', 'loyalty_segment', 'loyalty_index');
SELECT lives_ok('CREATE TEMP TABLE seg_idx (s int, r int); CREATE INDEX ON seg_idx (loyalty_segment(s, r))',
                'usable in an index expression');
SELECT is(count(*), 16::bigint, 'sixteen functions: 3 x 5 answer types and the general segment')
FROM pg_proc WHERE proname IN ('nps_category', 'loyalty_segment', 'loyalty_index');

SELECT * FROM finish();
ROLLBACK;
