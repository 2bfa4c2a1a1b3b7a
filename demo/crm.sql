-- A small CRM, generated deterministically: customers, their journey of
-- touchpoints and a year of survey answers (2025-12-01 .. 2026-11-30).
--
-- Each customer has a latent attitude; each touchpoint has its own quality;
-- support gets slowly worse over the year and delivery better, so the trend
-- and the drivers have something to find.
SET max_parallel_workers_per_gather = 0;   -- random() in one order: same data every run
SELECT setseed(0.1995);

CREATE TABLE customers (
    customer_id    int PRIMARY KEY,
    name           text NOT NULL,
    region         text NOT NULL,
    annual_revenue numeric(12, 2) NOT NULL,
    attitude       float8 NOT NULL,      -- hidden: how the customer leans
    lock_in        float8 NOT NULL       -- hidden: switching costs (contracts, integrations)
);

INSERT INTO customers
SELECT i,
       'Customer ' || lpad(i::text, 4, '0'),
       (ARRAY['North', 'South', 'East', 'West'])[1 + (i * 7) % 4],
       round((2000 + 48000 * random() ^ 3)::numeric, 2),
       (random() + random() + random() - 1.5) * 2.2,
       CASE WHEN random() < 0.2 THEN 1.0 + random() ELSE 0.0 END
FROM generate_series(1, 2000) i;

CREATE TABLE touchpoints (
    touchpoint text PRIMARY KEY,
    step       int NOT NULL,
    quality    float8 NOT NULL,    -- hidden: how good the company is here
    drift      float8 NOT NULL     -- hidden: change in quality per year
);
INSERT INTO touchpoints VALUES
    ('need',     1,  0.6,  0.0),
    ('offer',    2,  0.3,  0.0),
    ('order',    3,  0.8,  0.0),
    ('delivery', 4, -0.4,  0.8),
    ('invoice',  5,  0.1,  0.0),
    ('support',  6, -0.2, -1.6);

CREATE TABLE responses (
    response_id  bigserial PRIMARY KEY,
    customer_id  int NOT NULL REFERENCES customers,
    touchpoint   text NOT NULL REFERENCES touchpoints,
    answered_at  timestamptz NOT NULL,
    recommend    smallint CHECK (recommend BETWEEN 0 AND 10),     -- 0..10 likelihood to recommend
    effort       smallint CHECK (effort BETWEEN 1 AND 7),         -- CES 2.0: 7 = very easy
    satisfaction smallint CHECK (satisfaction BETWEEN 1 AND 5),   -- CSAT 1..5
    repurchase   smallint CHECK (repurchase BETWEEN 0 AND 10),    -- likelihood to buy again
    cross_buy    smallint CHECK (cross_buy BETWEEN 0 AND 10)      -- likelihood to buy other products
);

-- About 24 surveyed touchpoint visits per customer over the year; some
-- questions are skipped (NULL).
INSERT INTO responses (customer_id, touchpoint, answered_at, recommend, effort, satisfaction,
                       repurchase, cross_buy)
SELECT customer_id, touchpoint, answered_at,
       CASE WHEN random() < 0.97 THEN greatest(0, least(10, round(7.1 + 1.9 * feel + random() * 1.2 - 0.6))) END,
       CASE WHEN random() < 0.90 THEN greatest(1, least(7, round(4.9 + 1.3 * feel + random() - 0.5))) END,
       CASE WHEN random() < 0.95 THEN greatest(1, least(5, round(3.6 + 0.9 * feel + random() - 0.5))) END,
       CASE WHEN random() < 0.60 THEN greatest(0, least(10, round(6.8 + 1.7 * feel + random() * 2 - 1))) END,
       CASE WHEN random() < 0.40 THEN greatest(0, least(10, round(5.5 + 1.5 * feel + random() * 2 - 1))) END
FROM (
    SELECT customer_id, touchpoint,
           timestamptz '2025-12-01 08:00+00' + u_day * 364 * interval '1 day'
             + u_hour * 10 * interval '1 hour' AS answered_at,
           attitude + quality + drift * (u_day - 0.5) + noise * 0.9 AS feel
    FROM (
        -- Every random number is drawn here, once per row: OFFSET 0 keeps
        -- the planner from pushing random() down to a single evaluation.
        SELECT c.customer_id, c.attitude, t.touchpoint, t.step, t.quality, t.drift,
               random() AS u_keep, random() AS u_day, random() AS u_hour,
               random() + random() - 1.0 AS noise
        FROM customers c
        CROSS JOIN generate_series(1, 4) visit
        CROSS JOIN touchpoints t
        OFFSET 0
    ) draws
    WHERE u_keep < 1.0 - 0.07 * step      -- fewer customers reach the later steps
) visits
ORDER BY answered_at;

CREATE INDEX ON responses (answered_at);

-- The quarterly relationship survey: overall satisfaction, likelihood to
-- recommend, to buy again and to buy other products.  The overall view is
-- driven by how each touchpoint went for the customer that quarter, with
-- hidden weights (support and delivery matter most, need least); switching
-- costs keep some dissatisfied customers recommending ("hostages").
CREATE TABLE relationship_survey (
    customer_id  int NOT NULL REFERENCES customers,
    quarter      date NOT NULL,          -- first day of the quarter (Dec-Feb, Mar-May, ...)
    answered_at  timestamptz NOT NULL,
    satisfaction smallint NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
    recommend    smallint NOT NULL CHECK (recommend BETWEEN 0 AND 10),
    repurchase   smallint CHECK (repurchase BETWEEN 0 AND 10),
    cross_buy    smallint CHECK (cross_buy BETWEEN 0 AND 10),
    PRIMARY KEY (customer_id, quarter)
);

INSERT INTO relationship_survey
SELECT customer_id, quarter, quarter + interval '80 days' + u_hour * interval '8 hours',
       greatest(1, least(5, round(3.4 + 0.9 * overall + n1))),
       greatest(0, least(10, round(6.7 + 1.9 * overall + 2.4 * lock_in + 1.5 * n2))),
       CASE WHEN u_rep < 0.8 THEN greatest(0, least(10, round(6.5 + 1.6 * overall + 2.8 * lock_in + 1.5 * n3))) END,
       CASE WHEN u_cross < 0.6 THEN greatest(0, least(10, round(5.0 + 1.4 * overall + 1.5 * n3))) END
FROM (
    SELECT c.customer_id, q.quarter, c.lock_in,
           0.45 * c.attitude
             + 0.55 * coalesce(e.support, 0) + 0.45 * coalesce(e.delivery, 0)
             + 0.25 * coalesce(e.order_, 0) + 0.15 * coalesce(e.offer, 0)
             + 0.10 * coalesce(e.invoice, 0) + 0.05 * coalesce(e.need, 0) AS overall,
           random() - 0.5 AS n1, random() + random() - 1 AS n2, random() + random() - 1 AS n3,
           random() AS u_hour, random() AS u_rep, random() AS u_cross, random() AS u_ask
    FROM customers c
    CROSS JOIN (SELECT (date '2025-12-01' + k * interval '3 months')::date AS quarter
                FROM generate_series(0, 3) k) q
    LEFT JOIN LATERAL (
        -- how each touchpoint went that quarter: mean satisfaction, centred
        SELECT avg(r.satisfaction - 3.6) FILTER (WHERE r.touchpoint = 'support')  AS support,
               avg(r.satisfaction - 3.6) FILTER (WHERE r.touchpoint = 'delivery') AS delivery,
               avg(r.satisfaction - 3.6) FILTER (WHERE r.touchpoint = 'order')    AS order_,
               avg(r.satisfaction - 3.6) FILTER (WHERE r.touchpoint = 'offer')    AS offer,
               avg(r.satisfaction - 3.6) FILTER (WHERE r.touchpoint = 'invoice')  AS invoice,
               avg(r.satisfaction - 3.6) FILTER (WHERE r.touchpoint = 'need')     AS need
        FROM responses r
        WHERE r.customer_id = c.customer_id
          AND r.answered_at >= q.quarter AND r.answered_at < q.quarter + interval '3 months'
    ) e ON true
    OFFSET 0
) x
WHERE u_ask < 0.85;                        -- 85% answer each quarter

ANALYZE customers, touchpoints, responses, relationship_survey;

-- The stored daily summaries that reports roll up: one row per day and
-- touchpoint, whatever the number of answers.
CREATE TABLE daily_summary AS
SELECT (answered_at AT TIME ZONE 'UTC')::date AS day, touchpoint,
       nps_agg(recommend)       AS recommend,
       effort_agg(effort)       AS effort,
       csat_agg(satisfaction)   AS satisfaction
FROM responses
GROUP BY 1, 2;
ALTER TABLE daily_summary ADD PRIMARY KEY (day, touchpoint);
ANALYZE daily_summary;

-- Stores: 200 of them, each with a post-visit survey ("How likely are you to
-- recommend this store?"), 40 to 80 answers a week, over the last five weeks
-- of the year (Monday 2026-10-26 .. Sunday 2026-11-29).  Each store has its
-- own level; in the last week a handful really change (hidden: store_change),
-- every other store only moves by chance.
CREATE TABLE stores (
    store_id     int PRIMARY KEY,
    name         text NOT NULL,
    region       text NOT NULL,
    quality      float8 NOT NULL,      -- hidden: how good the store is
    store_change float8 NOT NULL       -- hidden: what happened in the last week
);
INSERT INTO stores
SELECT i,
       'Store ' || lpad(i::text, 3, '0'),
       (ARRAY['North', 'South', 'East', 'West'])[1 + (i * 3) % 4],
       (random() + random() + random() - 1.5) * 0.6,
       CASE WHEN i % 40 = 7 THEN -0.6        -- 5 stores get worse
            WHEN i % 67 = 12 THEN 0.5        -- 3 get better
            ELSE 0 END
FROM generate_series(1, 200) i;

CREATE TABLE store_visits (
    visit_id    bigserial PRIMARY KEY,
    store_id    int NOT NULL REFERENCES stores,
    answered_at timestamptz NOT NULL,
    recommend   smallint NOT NULL CHECK (recommend BETWEEN 0 AND 10)
);
INSERT INTO store_visits (store_id, answered_at, recommend)
SELECT store_id, week + u_t * interval '7 days',
       greatest(0, least(10, round(7.3 + 1.9 * feel + random() * 1.2 - 0.6)))
FROM (
    SELECT s.store_id, w.week, random() AS u_t,
           s.quality + CASE WHEN w.week = timestamptz '2026-11-23 00:00+00' THEN s.store_change ELSE 0 END
             + (random() + random() + random() - 1.5) * 1.4 AS feel
    FROM stores s
    CROSS JOIN (SELECT timestamptz '2026-10-26 00:00+00' + k * interval '7 days' AS week
                FROM generate_series(0, 4) k) w
    CROSS JOIN LATERAL generate_series(1, 40 + (s.store_id * 7 + (extract(epoch FROM w.week) / 604800)::int) % 41) v
    OFFSET 0
) x;
ANALYZE stores, store_visits;

-- The weekly summaries per store that the report reads: one small row per
-- store and week, whatever the number of answers.
CREATE TABLE store_weekly AS
SELECT store_id, (date_trunc('week', answered_at AT TIME ZONE 'UTC'))::date AS week,
       nps_agg(recommend) AS recommend
FROM store_visits
GROUP BY 1, 2;
ALTER TABLE store_weekly ADD PRIMARY KEY (store_id, week);
ANALYZE store_weekly;
