-- Benchmark data: :rows answers over 8 touchpoints, generated
-- deterministically (the score is a fixed function of the row number).
CREATE TABLE bench_answers (
    id         bigint,
    touchpoint text,
    score      integer,     -- 0..10, about 3% NULL
    effort     integer,     -- 1..7
    w          float8
);
INSERT INTO bench_answers
SELECT i,
       (ARRAY['need','offer','order','delivery','invoice','support','renewal','referral'])[1 + i % 8],
       CASE WHEN i % 33 = 0 THEN NULL ELSE least(10, (i * 7919) % 11 + (i % 5) / 3) END,
       1 + (i * 31) % 7,
       1 + (i % 4)
FROM generate_series(1::bigint, :rows) i;
VACUUM (FREEZE, ANALYZE) bench_answers;
