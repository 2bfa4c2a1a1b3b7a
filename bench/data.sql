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
