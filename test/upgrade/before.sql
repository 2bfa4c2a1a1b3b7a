-- Run at version 0.1.0, before ALTER EXTENSION loyalty UPDATE: stored values
-- of every type (with their text and binary forms as written then), a view
-- and a materialized view that call the extension's functions.
\set ON_ERROR_STOP on
CREATE TABLE answers AS
SELECT i AS id, i % 7 AS day, (i * 7) % 11 AS recommend, 1 + (i * 5) % 7 AS effort,
       1 + i % 4 + (i % 3) * 0.25 AS w,
       ARRAY[(i * 3) % 11, (i * 5) % 11]::float8[] AS drivers,
       timestamptz '2026-01-01 00:00+00' + i * interval '97 minutes' AS at
FROM generate_series(1, 5000) i;
CREATE TABLE stored AS
SELECT day, nps_agg(recommend) AS r, nps_agg(recommend, w) AS rw,
       rating_pairs_agg(effort, recommend) AS p, driver_agg(recommend, drivers) AS m
FROM answers GROUP BY day;
CREATE TABLE stored_forms AS
SELECT day, r::text AS r_text, ratings_send(r) AS r_bytes, rw::text AS rw_text,
       ratings_send(rw) AS rw_bytes, p::text AS p_text, rating_pairs_send(p) AS p_bytes,
       m::text AS m_text, driver_matrix_send(m) AS m_bytes
FROM stored;
CREATE VIEW daily_nps AS
SELECT day, nps(r) AS nps, nps(rw) AS weighted_nps, spearman(p) AS rho, r_squared(m) AS r2
FROM stored;
CREATE MATERIALIZED VIEW totals AS
SELECT nps(rollup(r)) AS nps, nps(rollup(rw)) AS weighted_nps, spearman(rollup(p)) AS rho,
       r_squared(rollup(m)) AS r2
FROM stored;
-- The trend aggregates change their state type in 0.2.0; a view over them
-- must survive the update.
CREATE VIEW trends AS
SELECT day, nps_trend(at, recommend) AS slope, nps_trend_p(at, recommend) AS p
FROM answers GROUP BY day;
CREATE TABLE view_before AS SELECT * FROM daily_nps;
CREATE TABLE trends_before AS SELECT * FROM trends;
CREATE TABLE totals_before AS SELECT * FROM totals;
