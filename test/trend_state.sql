-- The nps_trend_state type, the state of nps_trend and nps_trend_p: its
-- text form is exact whatever extra_float_digits says (Citus ships partial
-- states between nodes as text), and bad values are refused with a clear
-- SQLSTATE.  Expected values are worked out by hand in the comments.
\ir helpers.psql
SELECT plan(17);

-- The state itself, as the aggregates build it.
CREATE AGGREGATE pg_temp.trend_state_of(timestamptz, int) (
    SFUNC = nps_trend_trans, STYPE = nps_trend_state,
    INITCOND = 'n=0 mean_t=0 mean_y=0 stt=0 sty=0 syy=0');

-- Two answers 30 days apart: a promoter (+100) at t = 0 (the server's epoch,
-- 2000-01-01 UTC; t counts 30-day units) and a detractor (-100) at t = 1.
-- Welford: n = 2, mean_t = 0.5, mean_y = 0, Stt = 1 * (1 - 0.5) = 0.5,
-- Sty = 1 * (-100 - 0) = -100, Syy = -200 * (-100 - 0) = 20000; slope
-- Sty / Stt = -200 points per 30 days.
SELECT is(pg_temp.trend_state_of(at, s)::text, 'n=2 mean_t=0.5 mean_y=0 stt=0.5 sty=-100 syy=20000',
          'the state of two answers, worked by hand')
FROM (VALUES (timestamptz '2000-01-01 00:00+00', 10), (timestamptz '2000-01-31 00:00+00', 0)) v(at, s);
SELECT is(nps_trend(at, s), -200::float8, 'and its slope')
FROM (VALUES (timestamptz '2000-01-01 00:00+00', 10), (timestamptz '2000-01-31 00:00+00', 0)) v(at, s);

-- A state whose doubles need 17 digits: the text form reads back to the same
-- bytes at every extra_float_digits, and is the same text at each.
CREATE TEMP TABLE st AS
SELECT pg_temp.trend_state_of(timestamptz '2026-01-01 00:00+00' + i * interval '7 hours 13 minutes',
                              (i * 7) % 11) AS s
FROM generate_series(1, 1000) i;
SET extra_float_digits = 0;
CREATE TEMP TABLE forms0 AS SELECT s::text AS t, nps_trend_state_send(s) AS b FROM st;
SET extra_float_digits = 3;
CREATE TEMP TABLE forms3 AS SELECT s::text AS t, nps_trend_state_send(s) AS b FROM st;
SET extra_float_digits = -15;
CREATE TEMP TABLE forms_15 AS SELECT s::text AS t FROM st;
RESET extra_float_digits;
SELECT is((SELECT t FROM forms0), (SELECT t FROM forms3), 'the text form does not depend on extra_float_digits (0 and 3)');
SELECT is((SELECT t FROM forms_15), (SELECT t FROM forms3), 'nor at -15');
SELECT is((SELECT nps_trend_state_send(t::nps_trend_state) FROM forms0), (SELECT b FROM forms3),
          'text written at extra_float_digits = 0 reads back to the same bytes');
-- That state is a real test: at extra_float_digits = 0, float8 output (15
-- digits) would not give back at least one of its doubles.
SET extra_float_digits = 0;
CREATE TEMP TABLE lossy AS
SELECT bool_or(v::float8 <> (v::float8)::text::float8) AS lossy
FROM forms3, regexp_split_to_table(t, ' ') f, split_part(f, '=', 2) v;
RESET extra_float_digits;
SELECT ok((SELECT lossy FROM lossy), 'plain float8 text at extra_float_digits = 0 would lose that state');
SELECT is((SELECT nps_trend_final(t::nps_trend_state) FROM forms0),
          (SELECT nps_trend(timestamptz '2026-01-01 00:00+00' + i * interval '7 hours 13 minutes', (i * 7) % 11)
           FROM generate_series(1, 1000) i),
          'the slope of the state read back equals the aggregate''s');

-- Bad text: 22P02 with what is wrong (NULL: any message).
SELECT throws_ok(format('SELECT %L::nps_trend_state', lit), '22P02', msg, descr) FROM (VALUES
    ('n=1', NULL, 'a literal with fields missing'),
    ('n=-1 mean_t=0 mean_y=0 stt=0 sty=0 syy=0', 'invalid nps_trend_state value', 'a negative n'),
    ('n=1.5 mean_t=0 mean_y=0 stt=0 sty=0 syy=0', 'invalid nps_trend_state value', 'a fractional n'),
    ('n=2 mean_t=0 mean_y=101 stt=0 sty=0 syy=0', 'invalid nps_trend_state value', 'a mean NPS value above 100'),
    ('n=2 mean_t=0 mean_y=0 stt=-1 sty=0 syy=0', 'invalid nps_trend_state value', 'a negative sum of squares'),
    -- |Sty| may not exceed sqrt(Stt Syy) = sqrt(1 * 4) = 2.
    ('n=2 mean_t=0 mean_y=0 stt=1 sty=3 syy=4', 'invalid nps_trend_state value',
     'a cross-product that does not fit the squares'),
    ('n=0 mean_t=1 mean_y=0 stt=0 sty=0 syy=0', 'invalid nps_trend_state value', 'a state without answers with a mean'),
    ('n=2 mean_t=NaN mean_y=0 stt=0 sty=0 syy=0', NULL, 'NaN')) v(lit, msg, descr);

-- Bad binary values (through a binary COPY, pg_temp.recv): version 2, then a
-- short one.
SELECT throws_ok(format('SELECT pg_temp.recv(%L::bytea, NULL::nps_trend_state)', b), '22P03',
                 'invalid nps_trend_state value', descr)
FROM (SELECT nps_trend_state_send('n=2 mean_t=0.5 mean_y=0 stt=0.5 sty=-100 syy=20000') AS sb) v,
     LATERAL (VALUES ('\x02' || substr(sb, 2), 'binary: an unknown version'),
                     (substr(sb, 1, 30), 'binary: a value cut short')) d(b, descr);

SELECT * FROM finish();
ROLLBACK;
