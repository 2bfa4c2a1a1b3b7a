-- Benchmark data: :rows answers over 8 touchpoints, generated
-- deterministically (the score is a fixed function of the row number).
CREATE TABLE bench_answers (
    id         bigint,
    touchpoint text,
    touchpoint_id smallint, -- the same 8 touchpoints as a key into a touchpoints table
    score      integer,     -- 0..10, about 3% NULL
    effort     integer,     -- 1..7
    w          float8
);
INSERT INTO bench_answers
SELECT i,
       (ARRAY['need','offer','order','delivery','invoice','support','renewal','referral'])[1 + i % 8],
       1 + i % 8,
       CASE WHEN i % 33 = 0 THEN NULL ELSE least(10, (i * 7919) % 11 + (i % 5) / 3) END,
       1 + (i * 31) % 7,
       1 + (i % 4)
FROM generate_series(1::bigint, :rows) i;
VACUUM (FREEZE, ANALYZE) bench_answers;

-- Key driver analysis: an outcome and 8 drivers per row, as 8 columns and,
-- for the array form driver_agg takes, as one stored array.  About 5% of
-- the driver answers are missing (NULL).
CREATE TABLE bench_drivers AS
SELECT y, x1, x2, x3, x4, x5, x6, x7, x8, ARRAY[x1, x2, x3, x4, x5, x6, x7, x8] AS xs
FROM (SELECT (i % 11)::float8 AS y,
             CASE WHEN i % 19 = 1 THEN NULL ELSE 1 + (i * 7) % 5 END::float8 AS x1,
             CASE WHEN i % 23 = 2 THEN NULL ELSE 1 + (i * 11) % 5 END::float8 AS x2,
             (1 + (i * 13) % 5)::float8 AS x3,
             CASE WHEN i % 29 = 3 THEN NULL ELSE 1 + (i / 3) % 5 END::float8 AS x4,
             (1 + (i * 17) % 5 + i % 2)::float8 AS x5,
             CASE WHEN i % 31 = 4 THEN NULL ELSE 1 + (i / 7) % 5 END::float8 AS x6,
             (1 + (i * 3 + i / 11) % 5)::float8 AS x7,
             (1 + (i / 5 + i % 3) % 5)::float8 AS x8
      FROM generate_series(1::bigint, :rows) i) g;
VACUUM (FREEZE, ANALYZE) bench_drivers;

-- Comparing many segments: :pvalue_rows p-values (default 1,000,000, whatever
-- the number of answers), 300 per week, for p_adjust against rank().  The
-- rows are stored out of week order, as a table of weekly results per segment
-- loaded over time would not be either.
CREATE TABLE bench_pvalues AS
SELECT (i * 7919) % :pvalue_rows / 300 AS week,
       ((i * 104729) % 1000003)::float8 / 1000003 AS p
FROM generate_series(1::bigint, :pvalue_rows) i;
VACUUM (FREEZE, ANALYZE) bench_pvalues;

-- Verbatim themes: :comment_rows comments (default 1,000,000, whatever the
-- number of answers), each a score and a stored tsvector of 10 words drawn
-- from a vocabulary of 20,000 ('w1' .. 'w20000') with Zipf-like frequencies
-- (word k about as often as 1/k: floor(20001^u) for u uniform in [0, 1), u
-- from hashint8 of the row and the draw), so about 9.6 distinct lexemes a
-- row after array_to_tsvector drops repeats.
CREATE TABLE bench_comments (id bigint, score integer, doc tsvector);
INSERT INTO bench_comments
SELECT i, least(10, (i * 7919) % 11 + (i % 5) / 3),
       array_to_tsvector(ARRAY(
           SELECT 'w' || floor(exp((hashint8(i * 16 + j)::float8 + 2147483648) / 4294967296 * ln(20001::float8)))
           FROM generate_series(1, 10) j))
FROM generate_series(1::bigint, :comment_rows) i;
VACUUM (FREEZE, ANALYZE) bench_comments;

-- Tags from a vocabulary of 50,000 ('t1' .. 't50000'): 200,000 responses of
-- 4 tags, the first running through the whole vocabulary (so that every tag
-- occurs), the others Zipf-like as above.
CREATE TABLE bench_tags AS
SELECT i AS id, least(10, (i * 7919) % 11 + (i % 5) / 3) AS score,
       ARRAY['t' || (1 + i % 50000)] || ARRAY(
           SELECT 't' || floor(exp((hashint8(i * 8 + j)::float8 + 2147483648) / 4294967296 * ln(50001::float8)))
           FROM generate_series(1, 3) j) AS tags
FROM generate_series(0::bigint, 199999) i;

-- The summaries, built once and stored as a table would hold them: of the
-- comments (20,000 terms), and of the tags (50,000 terms, for theme_impact).
CREATE TABLE bench_term_summaries AS
SELECT 'comments'::text AS name, term_ratings_agg(doc, score) AS t FROM bench_comments
UNION ALL
SELECT 'tags_50k', term_ratings_agg(tags, score) FROM bench_tags;
VACUUM (FREEZE, ANALYZE) bench_term_summaries;
