-- theme_impact (README.md: "Verbatim themes", SPEC 4.6): which terms cost
-- or add NPS, whether that is significant, and how characteristic each is of
-- detractors.  The expected values of data set T come from
-- test/reference/themes.py, which rebuilds T from the same formulas and
-- computes every column from SPEC 4.6 in mpmath (the p-values also with
-- SciPy, detractor_z also by a second route over the count matrix); it
-- reads the literals below and checks them.  The small example is worked
-- out by hand.
\ir helpers.psql
SELECT plan(32);

-- The small example, by hand.  Five responses, stemmed by english:
--   'The invoice was late' 2; 'Late delivery, late invoice' 6;
--   'Great support' 10; NULL 9; 'support was slow' 7.
-- All: promoters {9, 10}, detractors {2, 6}: NPS 0.  late is mentioned by
-- the responses at 2 and 6: mentions 2 of 5 = 40%, NPS -100; the others
-- {10, 9, 7} have NPS 200/3, so impact = 0 - 200/3.
-- detractor_z of late: detractor responses mention invoic, late | deliveri,
-- invoic, late: n^D = 5; promoter responses great, support | none: n^P = 2;
-- alpha: deliveri 1, great 1, invoic 2, late 2, slow 1, support 2: alpha_0 = 9.
-- late: y^D = 2, y^P = 0, alpha = 2:
--   delta = ln(4 / (5 + 9 - 4)) - ln(2 / (2 + 9 - 2)) = ln(0.4 * 4.5) = ln 1.8
--   sigma^2 = 1/4 + 1/2 = 3/4; z = ln 1.8 / sqrt(0.75) = 0.678717578414621...
-- p_value: with {2, 6}: p+ = 0, p- = 1, Var 0; without {10, 9, 7}: p+ = 2/3,
--   p- = 0, Var = 2/3 - 4/9 = 2/9 over 3: SE = sqrt(2/27); z = (-1 - 2/3) /
--   sqrt(2/27) = -6.1237243569579...; p = 2 Phi(-6.1237...) = 9.1412984082466e-10.
CREATE TABLE small AS
SELECT term_ratings_agg(to_tsvector('english', c), s) AS t
FROM (VALUES ('The invoice was late', 2), ('Late delivery, late invoice', 6), ('Great support', 10),
             (NULL, 9), ('support was slow', 7)) v(c, s);
SELECT is((SELECT string_agg(term || ':' || mentions, ' ' ORDER BY term) FROM small, theme_impact(t, 0)),
          'deliveri:1 great:1 invoic:2 late:2 slow:1 support:2', 'small: every term with min_mentions 0, in term order');
SELECT pg_temp.all_close((SELECT ARRAY[mention_pct, nps, nps_without, impact, detractor_z]
                          FROM small, theme_impact(t, 2) WHERE term = 'late'),
                         '{40, -100, 66.666666666666667, -66.666666666666667, 0.67871757841462153}'::float8[],
                         'small: late by hand');
SELECT pg_temp.is_close((SELECT p_value FROM small, theme_impact(t, 2) WHERE term = 'late'),
                        9.1412984082466e-10, 'small: p_value of late', 1e-9);

-- Data set T: 600 responses i = 1..600, score s = (7i + i/50) mod 11 (integer
-- division), no comment when 13 | i; otherwise tags (NULL elements are
-- ignored, a repeated tag counts once):
--   delay    detractors only (s <= 6, 3 | i)
--   staff    s >= 8 and i mod 4 <> 1: promoters and some passives
--   price    2 | i: frequent, every score
--   rare     i mod 97 = 5: 7 mentions, below the default threshold
--   app      i mod 7 = 3
--   invoice  s <= 3 or 10 | i
--   survey   every comment (twice when 5 | i)
CREATE TABLE tr AS
SELECT i, (i * 7 + i / 50) % 11 AS s, (i % 4)::int AS day,
       CASE WHEN i % 13 > 0 THEN ARRAY[
           CASE WHEN (i * 7 + i / 50) % 11 <= 6 AND i % 3 = 0 THEN 'delay' END,
           CASE WHEN (i * 7 + i / 50) % 11 >= 8 AND i % 4 <> 1 THEN 'staff' END,
           CASE WHEN i % 2 = 0 THEN 'price' END,
           CASE WHEN i % 97 = 5 THEN 'rare' END,
           CASE WHEN i % 7 = 3 THEN 'app' END,
           CASE WHEN (i * 7 + i / 50) % 11 <= 3 OR i % 10 = 0 THEN 'invoice' END,
           'survey',
           CASE WHEN i % 5 = 0 THEN 'survey' END] END AS tags
FROM generate_series(1, 600) i;
CREATE TABLE t AS SELECT term_ratings_agg(tags, s) AS t FROM tr;
CREATE TABLE ti AS SELECT * FROM t, theme_impact(t);

SELECT is((SELECT string_agg(term || ':' || mentions, ' ' ORDER BY term) FROM ti),
          'app:79 delay:118 invoice:236 price:277 staff:114 survey:554',
          'T: terms and mentions, min_mentions 10');
-- Per term [mention_pct, nps, nps_without, impact, detractor_z], then p_value.
SELECT pg_temp.all_close((SELECT ARRAY[mention_pct, nps, nps_without, impact, detractor_z] FROM ti WHERE term = 'app'),
    '{13.166666666666666, -39.24050632911393, -46.06525911708253, 0.8985924504158669, -0.42031775895365436}'::float8[], 'T: app');
SELECT pg_temp.all_close((SELECT ARRAY[mention_pct, nps, nps_without, impact, detractor_z] FROM ti WHERE term = 'delay'),
    '{19.666666666666668, -100, -31.74273858921162, -13.423928077455049, 3.4647332921020273}'::float8[], 'T: delay');
SELECT pg_temp.all_close((SELECT ARRAY[mention_pct, nps, nps_without, impact, detractor_z] FROM ti WHERE term = 'invoice'),
    '{39.333333333333336, -89.40677966101696, -16.483516483516482, -28.683150183150182, 4.386784948110115}'::float8[], 'T: invoice');
SELECT pg_temp.all_close((SELECT ARRAY[mention_pct, nps, nps_without, impact, detractor_z] FROM ti WHERE term = 'price'),
    '{46.166666666666664, -45.12635379061372, -45.20123839009288, 0.03457172342621259, -0.23095110848142014}'::float8[], 'T: price');
SELECT pg_temp.all_close((SELECT ARRAY[mention_pct, nps, nps_without, impact, detractor_z] FROM t, theme_impact(t, 7) WHERE term = 'rare'),
    '{1.1666666666666667, -14.285714285714286, -45.531197301854974, 0.364530635188308, -0.5050928366871396}'::float8[], 'T: rare');
SELECT pg_temp.all_close((SELECT ARRAY[mention_pct, nps, nps_without, impact, detractor_z] FROM ti WHERE term = 'staff'),
    '{19.0, 67.54385964912281, -71.60493827160494, 26.438271604938272, -7.8173617992423985}'::float8[], 'T: staff');
SELECT pg_temp.all_close((SELECT ARRAY[mention_pct, nps, nps_without, impact, detractor_z] FROM ti WHERE term = 'survey'),
    '{92.33333333333333, -44.584837545126355, -52.17391304347826, 7.007246376811594, -0.55481995087644}'::float8[], 'T: survey');
SELECT pg_temp.is_close((SELECT p_value FROM ti WHERE term = 'app'), 0.4794865567230759, 'T: p_value of app', 1e-9);
SELECT pg_temp.is_close((SELECT p_value FROM ti WHERE term = 'delay'), 1.5560991567032195e-74, 'T: p_value of delay', 1e-9);
SELECT pg_temp.is_close((SELECT p_value FROM ti WHERE term = 'invoice'), 1.211613017769555e-46, 'T: p_value of invoice', 1e-9);
SELECT pg_temp.is_close((SELECT p_value FROM ti WHERE term = 'price'), 0.9906929839735829, 'T: p_value of price', 1e-9);
SELECT pg_temp.is_close((SELECT p_value FROM t, theme_impact(t, 7) WHERE term = 'rare'), 0.3235004364552091, 'T: p_value of rare', 1e-9);
SELECT pg_temp.is_close((SELECT p_value FROM ti WHERE term = 'staff'), 1.0921980761925564e-162, 'T: p_value of staff', 1e-9);
SELECT pg_temp.is_close((SELECT p_value FROM ti WHERE term = 'survey'), 0.508228004203226, 'T: p_value of survey', 1e-9);

-- The same columns through the ratings functions, on groups that plain SQL
-- forms from the rows: bit for bit, as theme_impact reads the same counts.
SELECT is((SELECT count(*) FROM ti JOIN LATERAL (
              SELECT nps_agg(s) FILTER (WHERE tags @> ARRAY[term]) AS w,
                     nps_agg(s) FILTER (WHERE tags IS NULL OR NOT tags @> ARRAY[term]) AS wo,
                     nps_agg(s) AS a
              FROM tr) g ON true
           WHERE (ti.nps, ti.nps_without, ti.impact, ti.p_value, ti.mentions)
                 IS NOT DISTINCT FROM (nps(w), nps(wo), nps(a) - nps(wo), nps_test(w, wo), responses(w))),
          6::bigint, 'T: nps, nps_without, impact, p_value and mentions = the ratings functions on the two groups');

-- Plans: theme_impact of a rollup of daily summaries, of a parallel
-- aggregate and of + are the same rows as of the serial summary.
CREATE TABLE serial AS SELECT array_agg(x::text ORDER BY x.term) AS rows FROM t, theme_impact(t, 0) x;
SELECT is((SELECT array_agg(x::text ORDER BY x.term)
           FROM (SELECT rollup(d) AS t FROM (SELECT term_ratings_agg(tags, s) d FROM tr GROUP BY day) daily) r,
                theme_impact(r.t, 0) x),
          (SELECT rows FROM serial), 'T: theme_impact of a rollup of daily summaries = serial');
SELECT is((SELECT array_agg(x::text ORDER BY x.term)
           FROM (SELECT a.t + b.t AS t
                 FROM (SELECT term_ratings_agg(tags, s) t FROM tr WHERE i <= 250) a,
                      (SELECT term_ratings_agg(tags, s) t FROM tr WHERE i > 250) b) r,
                theme_impact(r.t, 0) x),
          (SELECT rows FROM serial), 'T: theme_impact of a + b = serial');
\ir force_parallel.psql
ANALYZE tr;
SELECT matches(pg_temp.plan_of('SELECT term_ratings_agg(tags, s) FROM tr'), 'Partial Aggregate',
               'T: forced parallel plan has a Partial Aggregate');
SELECT is((SELECT array_agg(x::text ORDER BY x.term)
           FROM (SELECT term_ratings_agg(tags, s) t FROM tr) r, theme_impact(r.t, 0) x),
          (SELECT rows FROM serial), 'T: theme_impact of a parallel aggregate = serial');
RESET max_parallel_workers_per_gather;

-- The threshold: the default is 10; 0 keeps every term; a term needs at
-- least min_mentions mentions (rare has 7).
SELECT is((SELECT count(*) FROM t, theme_impact(t, 7)), 7::bigint, 'min_mentions 7 keeps rare (7 mentions)');
SELECT is((SELECT count(*) FROM t, theme_impact(t, 8)), 6::bigint, 'min_mentions 8 drops it');
SELECT is((SELECT count(*) FROM t, theme_impact(t, 555)), 0::bigint, 'above every term: no rows');
SELECT is((SELECT count(*) FROM theme_impact(NULL::term_ratings)), 0::bigint, 'a NULL summary (no responses): no rows');

-- NULLs where a column has no answer.  A term that every response mentions
-- has no responses without it: nps_without, impact and p_value are NULL.
-- With a single term there are no odds against other terms: detractor_z
-- is NULL.  Here x is mentioned by all 3 responses {2, 9, 10}: NPS 100 / 3
-- (the double nearest 100/3 prints as 33.333333333333336).
SELECT is((SELECT (mentions, mention_pct, nps, nps_without, impact, p_value, detractor_z)::text
           FROM theme_impact('scale=0..10 n={0,0,1,0,0,0,0,0,0,1,1} terms={"x":{0,0,1,0,0,0,0,0,0,1,1}}'::term_ratings, 1)),
          '(3,100,33.333333333333336,,,,)', 'a term every response mentions: no nps_without, impact, p_value; alone: no detractor_z');
-- Two terms: a {2, 9}, b {10}; 4 responses {2, 7, 9, 10}: a's others {7, 10}
-- NPS 50; b's others {2, 7, 9} NPS 0; all: NPS 25: impacts 25 - 50, 25 - 0.
SELECT is((SELECT string_agg(format('%s %s %s %s %s', term, mentions, nps, nps_without, impact), '; ' ORDER BY term)
           FROM theme_impact('scale=0..10 n={0,0,1,0,0,0,0,1,0,1,1} terms={"a":{0,0,1,0,0,0,0,0,0,1,0},"b":{0,0,0,0,0,0,0,0,0,0,1}}'::term_ratings, 1)),
          'a 2 0 50 -25; b 1 100 0 25', 'two terms by hand: nps, nps_without, impact');

-- Counts beyond 2^53 stay exact: mentions is a bigint, not a double.
SELECT is((SELECT string_agg(term || ':' || mentions, ' ' ORDER BY term)
           FROM theme_impact('scale=0..10 n={9223372036854775806,0,0,0,0,0,0,0,0,0,1} '
                             'terms={"a":{9223372036854775806,0,0,0,0,0,0,0,0,0,0},"b":{0,0,0,0,0,0,0,0,0,0,1}}'::term_ratings, 0)),
          'a:9223372036854775806 b:1', 'mentions near 2^63 are exact');

-- Errors: only 0..10 summaries (22023), a negative threshold (22023).
SELECT throws_ok($$SELECT * FROM theme_impact('scale=1..5 n={1,0,0,0,0} terms={"a":{1,0,0,0,0}}'::term_ratings)$$,
                 '22023', NULL, 'a summary on 1..5: 22023');
SELECT throws_ok($$SELECT * FROM t, theme_impact(t, -1)$$, '22023', NULL, 'negative min_mentions: 22023');

SELECT * FROM finish();
ROLLBACK;
