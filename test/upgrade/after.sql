-- Run after ALTER EXTENSION loyalty UPDATE: every stored value reads back
-- with the same text and binary forms, and the views give what they gave.
\set ON_ERROR_STOP on
DO $$
DECLARE
    bad bigint;
BEGIN
    SELECT count(*) INTO bad
    FROM stored s JOIN stored_forms f USING (day)
    WHERE s.r::text <> f.r_text OR ratings_send(s.r) <> f.r_bytes
       OR s.rw::text <> f.rw_text OR ratings_send(s.rw) <> f.rw_bytes
       OR s.p::text <> f.p_text OR rating_pairs_send(s.p) <> f.p_bytes
       OR s.m::text <> f.m_text OR driver_matrix_send(s.m) <> f.m_bytes
       -- and the stored text reads back into the same value
       OR f.r_text::ratings::text <> f.r_text OR f.p_text::rating_pairs::text <> f.p_text
       OR f.m_text::driver_matrix::text <> f.m_text;
    IF bad <> 0 OR (SELECT count(*) FROM stored) <> 7 THEN
        RAISE EXCEPTION 'upgrade: % of 7 stored rows changed', bad;
    END IF;
    IF EXISTS (SELECT * FROM daily_nps EXCEPT SELECT * FROM view_before)
       OR EXISTS (SELECT * FROM view_before EXCEPT SELECT * FROM daily_nps) THEN
        RAISE EXCEPTION 'upgrade: the view daily_nps changed';
    END IF;
    IF EXISTS (SELECT * FROM trends EXCEPT SELECT * FROM trends_before)
       OR EXISTS (SELECT * FROM trends_before EXCEPT SELECT * FROM trends) THEN
        RAISE EXCEPTION 'upgrade: the view trends (nps_trend, nps_trend_p) changed';
    END IF;
    REFRESH MATERIALIZED VIEW totals;
    IF EXISTS (SELECT * FROM totals EXCEPT SELECT * FROM totals_before) THEN
        RAISE EXCEPTION 'upgrade: the materialized view totals changed';
    END IF;
END
$$;
SELECT 'stored values, views and materialized view unchanged' AS upgrade;
