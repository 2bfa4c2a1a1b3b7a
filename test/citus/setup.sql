-- The Citus test's cluster and data, run on the coordinator by
-- tools/test-citus.sh (not by pg_prove: it needs a Citus cluster):
--
--   psql -v coordinator_port=P0 -v worker1_port=P1 -v worker2_port=P2 \
--        -v rows=200000 -v shards=32 -f test/citus/setup.sql
--
-- The workers already have CREATE EXTENSION citus.  Here the coordinator
-- creates citus and loyalty, then adds the workers, to which Citus copies
-- the extension (the script checks that it arrived).
--
-- answers holds generated survey answers, distributed by customer_id;
-- daily holds one stored summary per day of each kind, distributed by day.
-- answers_local and daily_local are the same rows in plain tables on the
-- coordinator: the expected value of every check is the same query on them.
-- Every value comes from the row number g alone (modular arithmetic), so
-- the data is the same on every run.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;

CREATE EXTENSION citus;
CREATE EXTENSION loyalty;
SELECT citus_set_coordinator_host('127.0.0.1', :coordinator_port);
SELECT citus_add_node('127.0.0.1', :worker1_port);
SELECT citus_add_node('127.0.0.1', :worker2_port);

-- Score columns are named <scale>_<type>: rec (0..10, "would you
-- recommend us?"), eff (1..7, effort), sat (1..5, satisfaction), and x
-- (1..7) / y (0..10) for the rating_pairs aggregates, each in the five
-- score types.  test/citus/check.sql finds a column for an aggregate's
-- argument by that name and type.
CREATE TABLE answers_local (
    id           bigint,
    customer_id  integer,               -- the distribution column
    answered_at  timestamptz,
    day          date,                  -- day of answered_at in UTC
    rec_int2 smallint, rec_int4 integer, rec_int8 bigint, rec_numeric numeric, rec_float8 double precision,
    eff_int2 smallint, eff_int4 integer, eff_int8 bigint, eff_numeric numeric, eff_float8 double precision,
    sat_int2 smallint, sat_int4 integer, sat_int8 bigint, sat_numeric numeric, sat_float8 double precision,
    x_int2   smallint, x_int4   integer, x_int8   bigint, x_numeric   numeric, x_float8   double precision,
    y_int2   smallint, y_int4   integer, y_int8   bigint, y_numeric   numeric, y_float8   double precision,
    w            double precision,      -- sampling weight
    outcome      double precision,      -- driver_agg's outcome
    drivers      double precision[],    -- driver_agg's three drivers
    doc          tsvector,              -- term_ratings_agg's comment lexemes
    tags         text[]                 -- term_ratings_agg's coded tags
);

-- g = 1..rows.  customer = g * 7919 mod 8000: 8000 customers of rows/8000
-- answers each, spread over all shards.  t = g * 104729 mod one year of
-- seconds: answers spread over 2024 in an order unrelated to g.
-- rec0 (0..10) rises by up to 2 points over the year for every fourth
-- answer (a trend for nps_trend); eff0, sat0 and the third driver follow
-- rec0 with noise (correlated drivers, as in real surveys).  Weights are
-- integers and the fractions 0.5, 1.25 and 0.75 (and 0): multiples of
-- 1/4, so every weight sum is exact in double precision whatever the order
-- of the additions, and the weighted summaries are bit-identical however
-- Citus splits them.  Each column has NULLs at its own rows.
INSERT INTO answers_local
SELECT g, c, at, (at AT TIME ZONE 'UTC')::date,
       rec::smallint, rec, rec, rec::numeric, rec,
       eff::smallint, eff, eff, eff::numeric, eff,
       sat::smallint, sat, sat, sat::numeric, sat,
       x::smallint, x, x, x::numeric, x,
       y::smallint, y, y, y::numeric, y,
       CASE WHEN g % 211 = 0 THEN NULL ELSE (ARRAY[1, 2, 0.5, 1.25, 3, 0.75, 0])[g % 7 + 1] END,
       CASE WHEN g % 53 = 0 THEN NULL ELSE rec0 END,
       ARRAY[CASE WHEN g % 13 = 0 THEN NULL ELSE eff0 END,
             CASE WHEN g % 17 = 0 THEN NULL ELSE sat0 END,
             CASE WHEN g % 19 = 0 THEN NULL ELSE ((g * 3) % 11 + rec0) / 2.0 END]::double precision[],
       -- comments whose words follow the score, some empty or missing;
       -- tags with repeats and NULL elements
       CASE WHEN g % 23 = 0 THEN NULL
            ELSE to_tsvector('english', (ARRAY['late delivery', 'wrong invoice', 'friendly staff',
                                                'slow support', 'great price', ''])[g % 6 + 1]
                                        || CASE WHEN rec0 < 7 THEN ' problem again' ELSE ' happy' END) END,
       CASE WHEN g % 31 = 0 THEN NULL
            ELSE ARRAY[(ARRAY['delivery', 'invoice', 'support'])[g % 3 + 1], NULL,
                       (ARRAY['delivery', 'price'])[g % 2 + 1]] END
FROM generate_series(1, :rows) AS g
CROSS JOIN LATERAL (
    SELECT (g::bigint * 7919) % 8000 + 1 AS c,
           (g::bigint * 104729) % 31536000 AS t) a
CROSS JOIN LATERAL (
    SELECT timestamptz '2024-01-01 00:00:00+00' + t * interval '1 second' AS at,
           least(10, (g * 7) % 11 + CASE WHEN g % 4 = 0 THEN t / 10512001 ELSE 0 END)::int AS rec0) b
CROSS JOIN LATERAL (
    SELECT 1 + least(6, (rec0 * 6 + (g % 5) * 2) / 10) AS eff0,
           1 + least(4, (rec0 * 4 + (g % 7)) / 11) AS sat0) c
CROSS JOIN LATERAL (
    SELECT CASE WHEN g % 101 = 0 THEN NULL ELSE rec0 END AS rec,
           CASE WHEN g % 103 = 0 THEN NULL ELSE eff0 END AS eff,
           CASE WHEN g % 107 = 0 THEN NULL ELSE sat0 END AS sat,
           CASE WHEN g % 89 = 0 THEN NULL ELSE eff0 END AS x,
           CASE WHEN g % 97 = 0 THEN NULL ELSE rec0 END AS y) d;

-- Stored daily summaries of every kind, computed once (locally) and stored
-- in both tables; the check rolls them up on each.
CREATE TABLE daily_local (
    day      date,                      -- the distribution column
    nps      ratings,
    nps_w    ratings,
    pairs    rating_pairs,
    drivers  driver_matrix,
    terms    term_ratings
);
INSERT INTO daily_local
SELECT day, nps_agg(rec_int4), nps_agg(rec_int4, w), rating_pairs_agg(x_int4, y_int4),
       driver_agg(outcome, drivers), term_ratings_agg(doc, rec_int4)
FROM answers_local GROUP BY day;

-- Load the distributed tables from the local ones serially, so each shard
-- holds its rows in the local table's order: a customer's answers reach
-- the aggregates in the same order on a worker as locally, and every run
-- loads the same shards the same way.
SET max_parallel_workers_per_gather = 0;

CREATE TABLE answers (LIKE answers_local);
SELECT create_distributed_table('answers', 'customer_id', shard_count := :shards);
INSERT INTO answers SELECT * FROM answers_local;

CREATE TABLE daily (LIKE daily_local);
SELECT create_distributed_table('daily', 'day', shard_count := :shards);
INSERT INTO daily SELECT * FROM daily_local;

ANALYZE answers_local, daily_local, answers, daily;

-- What was loaded, for the script's progress line.
SELECT (SELECT count(*) FROM answers) AS answers,
       (SELECT count(DISTINCT customer_id) FROM answers) AS customers,
       (SELECT count(*) FROM pg_dist_shard WHERE logicalrelid = 'answers'::regclass) AS shards,
       (SELECT count(*) FROM daily) AS days,
       (SELECT count(DISTINCT nodename || ':' || nodeport) FROM citus_shards WHERE table_name = 'answers'::regclass) AS nodes
\gset
\echo :answers answers of :customers customers in :shards shards on :nodes workers, :days daily summaries
