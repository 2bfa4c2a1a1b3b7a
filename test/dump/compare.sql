-- What must be the same before the dump and after the restore: every
-- stored value as text and as send bytes, the materialized view, and a
-- query the expression index serves.
\pset format unaligned
\pset tuples_only on
SELECT 'ratings', id, r::text, ratings_send(r) FROM stored_ratings ORDER BY id;
SELECT 'rating_pairs', id, p::text, rating_pairs_send(p) FROM stored_pairs ORDER BY id;
SELECT 'driver_matrix', id, m::text, driver_matrix_send(m) FROM stored_drivers ORDER BY id;
SELECT 'nps_trend_state', id, t::text, nps_trend_state_send(t) FROM stored_trends ORDER BY id;
SELECT 'term_ratings', id, t::text, term_ratings_send(t) FROM stored_terms ORDER BY id;
SELECT 'daily', day, touchpoint, recommend::text, ratings_send(recommend) FROM daily ORDER BY 2, 3;
SELECT 'monthly', month, touchpoint, recommend::text, ratings_send(recommend) FROM monthly ORDER BY 2, 3;
SET enable_seqscan = off;
SELECT 'index', count(*), (SELECT count(*) FROM pg_indexes WHERE indexname = 'daily_nps')
FROM daily WHERE nps(recommend) > 0;
