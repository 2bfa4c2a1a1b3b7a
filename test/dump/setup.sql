-- A database for the pg_dump / pg_restore round trip (tools/check-dump.sh):
-- every summary type with edge values, summaries built by aggregates, a
-- materialized view over rollups and an expression index.
CREATE EXTENSION loyalty;

CREATE TABLE stored_ratings (id int PRIMARY KEY, r ratings);
INSERT INTO stored_ratings VALUES
    (1, 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,1}'),
    (2, 'scale=0..1 n={9223372036854775807,0}'),                      -- the largest count
    (3, ('scale=-2147483648..-2147483548 n={1,' || repeat('0,', 99) || '2}')::ratings),      -- the lowest 101-point scale
    (4, 'scale=1..2 n={1,1} w={1e154,5e-324} w2=1e308'),               -- the largest and smallest weights
    (5, 'scale=1..3 n={1,1,1} w={0.1,0.2,0.30000000000000004} w2=0.14'),
    (6, 'scale=7..7 n={0}'),
    (7, NULL);
INSERT INTO stored_ratings
SELECT 100 + g, nps_agg(s, w) FROM (SELECT i % 5 AS g, i % 11 AS s, 1.0 / (1 + i % 7) AS w
                                    FROM generate_series(1, 2000) i) t GROUP BY g;

CREATE TABLE stored_pairs (id int PRIMARY KEY, p rating_pairs);
INSERT INTO stored_pairs VALUES
    (1, 'x={} y={} n={}'),
    (2, 'x={-2147483648,2147483647} y={0} n={{9223372036854775806},{1}}'),
    (3, NULL);
INSERT INTO stored_pairs
SELECT 100 + g, rating_pairs_agg(i % 7, i % 101) FROM generate_series(1, 3000) i, LATERAL (SELECT i % 3 AS g) q GROUP BY g;

CREATE TABLE stored_drivers (id int PRIMARY KEY, m driver_matrix);
INSERT INTO stored_drivers
SELECT g, driver_agg(y, ARRAY[x1, x2, CASE WHEN i % 5 = 0 THEN NULL ELSE x3 END])
FROM (SELECT i, i % 4 AS g, (i * 7 % 11)::float8 AS y, (i % 5)::float8 * 1e-300 AS x1,
             (i % 3)::float8 * 1e150 AS x2, (i * 13 % 10)::float8 / 3 AS x3
      FROM generate_series(1, 1000) i) t GROUP BY g;

CREATE TABLE stored_trends (id int PRIMARY KEY, t nps_trend_state);
INSERT INTO stored_trends VALUES
    (1, 'n=0 mean_t=0 mean_y=0 stt=0 sty=0 syy=0'),
    (2, 'n=9007199254740992 mean_t=-1e300 mean_y=-100 stt=1e308 sty=0 syy=0');
INSERT INTO stored_trends
SELECT 100 + g, nps_trend_trans('n=0 mean_t=0 mean_y=0 stt=0 sty=0 syy=0'::nps_trend_state, at, s)
FROM (VALUES (0, '2026-11-23'::timestamptz, 9), (1, '1999-01-01 00:00:00.000001+00', 0)) v(g, at, s);

CREATE TABLE stored_terms (id int PRIMARY KEY, t term_ratings);
INSERT INTO stored_terms VALUES
    (1, 'scale=3..3 n={0} terms={}'),
    (2, 'scale=-2147483648..-2147483646 n={9223372036854775806,0,1} terms={"":{0,0,1},"x":{9223372036854775806,0,0}}'),
    (3, 'scale=0..1 n={0,4} terms={"B":{0,1},"a":{0,1},"say \"hi\" \\o/":{0,1},"é":{0,1}}'),
    (4, NULL);
INSERT INTO stored_terms
SELECT 100 + i % 3, term_ratings_agg(to_tsvector('simple', 'w' || i % 50 || ' v' || i % 7), i % 11)
FROM generate_series(1, 1000) i GROUP BY i % 3;

-- Daily summaries, a materialized view over their rollups, and an index on
-- an accessor: each must restore and give the same answers.
CREATE TABLE daily (day date, touchpoint text, recommend ratings);
INSERT INTO daily
SELECT d::date, tp, nps_agg(((extract(doy FROM d)::int * 7 + length(tp)) % 11))
FROM generate_series('2026-01-01'::date, '2026-03-31', '1 day') d,
     unnest('{order,delivery,invoice}'::text[]) tp, generate_series(1, 3) k
GROUP BY 1, 2;
CREATE MATERIALIZED VIEW monthly AS
SELECT date_trunc('month', day) AS month, touchpoint, rollup(recommend) AS recommend
FROM daily GROUP BY 1, 2;
CREATE INDEX daily_nps ON daily ((nps(recommend)));
