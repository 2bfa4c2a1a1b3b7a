-- Values of the ratings aggregates and accessors against figures worked out
-- independently.  Data set A is i = 1..1000 with
--     score  = least(10, (i*7) % 11 + i % 3)        (0..10)
--     weight = 1 + (i % 4) * 0.5
-- Expected values: test/reference/ratings_values.py recomputes each one from
-- these definitions with Python's exact fractions.Fraction and
-- statistics.stdev / statistics.median, and checks this test's literals
-- against them (/usr/bin/python3 test/reference/ratings_values.py; this test
-- does not need Python).  The figures:
--     counts per score 0..10 = 30,60,90,91,91,92,91,91,92,91,181
--     promoters 272, passives 183, detractors 545
--     NPS = 100*(272-545)/1000 = -27.3
--     mean = 5885/1000 = 5.885, sample stddev = 3.0765630564381805, median 6
-- Weighted (sampling weights, W = 1750, sum w^2 = 3375):
--     NPS = -27.37142857142857, mean = 5.881714285714286,
--     stddev = sqrt(sum w(x-m)^2 / (W - sum w^2 / W)) = 3.0784775434647567,
--     weighted median 6.
\ir helpers.psql
\ir dataset_a.psql
SELECT plan(62);

-- Accessors, unweighted (r) and weighted (rw): the counts, then the figures.
SELECT is(got, want, descr) FROM s, LATERAL (VALUES
    (responses(r), 1000::bigint, 'responses'),
    (promoters(r), 272::bigint, 'promoters'),
    (passives(r), 183::bigint, 'passives'),
    (detractors(r), 545::bigint, 'detractors'),
    (responses(rw), 1000::bigint, 'weighted: responses counts rows'),
    (promoters(rw), 272::bigint, 'weighted: promoters counts rows')) v(got, want, descr);
SELECT is(got, want, descr) FROM s, LATERAL (VALUES
    (total_weight(r), 1000::float8, 'total_weight of unweighted = responses'),
    (median(r), 6::float8, 'median'),
    (total_weight(rw), 1750::float8, 'weighted: total_weight = 1750'),
    (median(rw), 6::float8, 'weighted median')) v(got, want, descr);
SELECT is(array(SELECT responses FROM histogram(r) ORDER BY score),
          '{30,60,90,91,91,92,91,91,92,91,181}'::bigint[], 'histogram counts') FROM s;
SELECT is((rw::jsonb)->>'sum_sq_weights', '3375', 'sum of squared weights kept') FROM s;
SELECT pg_temp.is_close(got, want, descr) FROM s, LATERAL (VALUES
    (nps(r), -27.3, 'nps = 100*(272-545)/1000'),
    (promoter_pct(r), 27.2, 'promoter_pct'),
    (passive_pct(r), 18.3, 'passive_pct'),
    (detractor_pct(r), 54.5, 'detractor_pct'),
    (mean(r), 5.885, 'mean'),
    (stddev(r), 3.0765630564381805, 'sample stddev (statistics.stdev)'),
    (top_box(r), 27.2, 'top_box default 2 = % of 9-10'),
    (top_box(r, 3), 36.4, 'top_box 3 = % of 8-10'),
    (bottom_box(r), 9.0, 'bottom_box default 2 = % of 0-1 = 90/1000'),
    (satisfaction_index(r), 58.85, 'satisfaction_index = 100*(5.885-0)/10'),
    (csat(r), 27.2, 'csat = top-2 box of the declared scale'),
    (ces(r), 5.885, 'ces = mean'),
    (nps(rw), -27.37142857142857, 'weighted nps'),
    (promoter_pct(rw), 27.142857142857142, 'weighted promoter_pct'),
    (detractor_pct(rw), 54.51428571428571, 'weighted detractor_pct'),
    (mean(rw), 5.881714285714286, 'weighted mean'),
    (stddev(rw), 3.0784775434647567, 'weighted stddev, Kish denominator')) v(got, want, descr);
SELECT pg_temp.is_close(sum(pct), 100, 'histogram pcts sum to 100') FROM s, histogram(r);

-- One-shot aggregates equal the accessors, for every score type.
SELECT pg_temp.is_close(nps(score), -27.3, 'nps(integer)') FROM a;
SELECT pg_temp.is_close(nps(score::smallint), -27.3, 'nps(smallint)') FROM a;
SELECT pg_temp.is_close(nps(score::bigint), -27.3, 'nps(bigint)') FROM a;
SELECT pg_temp.is_close(nps(score::numeric), -27.3, 'nps(numeric)') FROM a;
SELECT pg_temp.is_close(nps(score::float8), -27.3, 'nps(double precision)') FROM a;
SELECT pg_temp.is_close(nps(score::numeric(4,1), w), -27.37142857142857, 'nps(numeric, weight)') FROM a;

-- Overload resolution: mixed score and weight types resolve without casts.
-- Rows: (10, w 2), (0, w 1) -> NPS = 100 * (2 - 1) / 3.
SELECT pg_temp.is_close(nps(s::smallint, w::numeric), 100.0 / 3, 'nps(smallint, numeric)')
FROM (VALUES (10, 2), (0, 1)) v(s, w);
SELECT pg_temp.is_close(nps(s, w), 100.0 / 3, 'nps(integer, integer)')
FROM (VALUES (10, 2), (0, 1)) v(s, w);
SELECT pg_temp.is_close(nps(s::bigint, w::real), 100.0 / 3, 'nps(bigint, real)')
FROM (VALUES (10, 2), (0, 1)) v(s, w);
SELECT pg_temp.is_close(nps(s::real), 0.0, 'nps(real) goes through double precision')
FROM (VALUES (10), (0)) v(s);
SELECT is(ratings_agg(s::smallint, 1, 3, w)::text, 'scale=1..3 n={1,0,1} w={2,0,1} w2=5',
          'ratings_agg(smallint, int, int, integer weight)')
FROM (VALUES (1, 2), (3, 1)) v(s, w);

-- Median of an even number of answers: first 10 rows are
-- 8,5,10,7,4,9,6,3,8,5; sorted the middle two are 6 and 7 -> 6.5.
SELECT is(median(nps_agg(score)), 6.5::float8, 'median of an even count is the mean of the middle two')
FROM a WHERE i <= 10;

-- CES on 1..7: score = 1 + (i*5) % 7 for i = 1..700 except multiples of 13,
-- which are NULL: 647 answers summing to 2587, mean 2587/647.
SELECT pg_temp.is_close(ces(CASE WHEN i % 13 <> 0 THEN 1 + (i * 5) % 7 END), 2587.0 / 647,
                        'ces skips NULLs: mean of 647 answers')
FROM generate_series(1, 700) i;
SELECT is(responses(effort_agg(CASE WHEN i % 13 <> 0 THEN 1 + (i * 5) % 7 END)), 647::bigint,
          'effort_agg counts only non-NULL answers')
FROM generate_series(1, 700) i;

-- CSAT on 1..5: score = 1 + (i*3) % 5 for i = 1..500, multiples of 9 NULL:
-- 445 answers, 178 of them 4 or 5 -> 40%; mean 3 -> index 100*(3-1)/4 = 50.
SELECT pg_temp.is_close(csat(CASE WHEN i % 9 <> 0 THEN 1 + (i * 3) % 5 END), 40.0, 'csat = % of 4-5')
FROM generate_series(1, 500) i;
SELECT pg_temp.is_close(satisfaction_index(csat_agg(CASE WHEN i % 9 <> 0 THEN 1 + (i * 3) % 5 END)), 50.0,
                        'satisfaction_index on 1..5')
FROM generate_series(1, 500) i;

-- ratings_agg on any scale: 1000..1004, answers 1000, 1001, 1001, 1004.
-- mean 1001.5, index 100*(1.5/4) = 37.5, median (1001+1001)/2 = 1001.
SELECT is(ratings_agg(s, 1000, 1004)::text, 'scale=1000..1004 n={1,2,0,0,1}', 'ratings_agg on 1000..1004')
FROM unnest('{1000,1001,1001,1004}'::int[]) s;
SELECT pg_temp.is_close(satisfaction_index(ratings_agg(s, 1000, 1004)), 37.5, 'satisfaction_index on 1000..1004')
FROM unnest('{1000,1001,1001,1004}'::int[]) s;
SELECT is(median(ratings_agg(s, 1000, 1004)), 1001::float8, 'median on 1000..1004')
FROM unnest('{1000,1001,1001,1004}'::int[]) s;

-- Scales at the ends of the integer range (loops must not wrap around).
-- Scale 2147483547..2147483647, one answer at the bottom and five at the top:
-- top box 5/6 = 83.33..%, bottom box 1/6, median = the top point,
-- mean = 2147483547 + 500/6.
CREATE TEMP TABLE edge AS
SELECT ratings_agg(s, 2147483547, 2147483647) AS r
FROM unnest('{2147483547,2147483647,2147483647,2147483647,2147483647,2147483647}'::int[]) s;
SELECT pg_temp.is_close(top_box(r), 500.0 / 6, 'top_box at INT_MAX') FROM edge;
SELECT pg_temp.is_close(bottom_box(r, 1), 100.0 / 6, 'bottom_box at INT_MAX') FROM edge;
SELECT pg_temp.is_close(csat(r), 500.0 / 6, 'csat at INT_MAX') FROM edge;
SELECT is(median(r), 2147483647::float8, 'median at INT_MAX') FROM edge;
SELECT pg_temp.is_close(mean(r), 2147483547 + 500.0 / 6, 'mean at INT_MAX') FROM edge;
SELECT is(ratings_agg(s, -2147483648, -2147483548)::text IS NOT NULL AND
          (SELECT max(score) FROM histogram(ratings_agg(s, -2147483648, -2147483548))) = -2147483548,
          true, 'a scale starting at INT_MIN')
FROM unnest('{-2147483648}'::int[]) s;

-- NULL rules: no rows, only NULLs, NULL weights.
SELECT is(nps(score), NULL, 'nps of no rows is NULL') FROM a WHERE false;
SELECT is(nps_agg(NULL::int)::text, NULL, 'nps_agg of only NULLs is NULL');
SELECT is(ratings_agg(NULL::int, 1, 5)::text, NULL, 'ratings_agg of only NULLs is NULL');
SELECT is(nps(s, w), 100::float8, 'rows with NULL weight are skipped')
FROM (VALUES (10, 1.0), (0, NULL)) v(s, w);
-- A zero weight counts the response but adds no weight.
SELECT is(responses(nps_agg(s, w)), 2::bigint, 'a zero-weight response is counted')
FROM (VALUES (10, 1.0), (0, 0.0)) v(s, w);
SELECT is(nps(s, w), 100::float8, 'a zero-weight response does not move the NPS')
FROM (VALUES (10, 1.0), (0, 0.0)) v(s, w);
SELECT is(nps(nps_agg(s, w)), NULL, 'all weights zero: NPS is NULL')
FROM (VALUES (10, 0.0)) v(s, w);

SELECT * FROM finish();
ROLLBACK;
