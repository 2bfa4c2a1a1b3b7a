-- Extreme inputs through every transition, inverse, combine and + that SQL
-- can call (README.md: "Weights, NULLs and errors"): counts at 2^63 - 1,
-- weights at 1e154 (whose square is near the double range), 1e308 (whose
-- square is not), the smallest subnormal and -0.  Each case either fails
-- with 22003 (out of range) or gives a value that reads back unchanged
-- through text and binary input: no wrapped total, no Infinity, no NaN.
\ir helpers.psql
SELECT plan(3);

-- The outcome of one case: 'ok' when expr (a summary of type typ) reads
-- back through text and binary input to the same text and the same bytes,
-- '22003' when it failed with that SQLSTATE, and the failure otherwise.
CREATE FUNCTION pg_temp.extreme(expr text, typ text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE
    t text;
    b bytea;
    t2 text;
    b2 bytea;
    b3 bytea;
BEGIN
    BEGIN
        EXECUTE format('SELECT (%s)::text, %I(%s)', expr, typ || '_send', expr) INTO t, b;
    EXCEPTION WHEN OTHERS THEN
        RETURN CASE WHEN SQLSTATE = '22003' THEN '22003' ELSE SQLSTATE || ' ' || SQLERRM END;
    END;
    IF t IS NULL THEN
        RETURN 'ok';            -- NULL (an inverse that declines): nothing stored
    END IF;
    IF t ~* 'nan|inf' THEN
        RETURN 'not finite: ' || t;
    END IF;
    BEGIN
        EXECUTE format('SELECT (%L::%I)::text, %I(%L::%I)', t, typ, typ || '_send', t, typ) INTO t2, b2;
        EXECUTE format('SELECT %I(pg_temp.recv(%L::bytea, NULL::%I))', typ || '_send', b, typ) INTO b3;
    EXCEPTION WHEN OTHERS THEN
        RETURN format('does not read back: %s (%s)', t, SQLERRM);
    END;
    IF t2 IS DISTINCT FROM t OR b2 IS DISTINCT FROM b OR b3 IS DISTINCT FROM b THEN
        RETURN format('does not read back: %s', t);
    END IF;
    RETURN 'ok';
END
$f$;

-- The cases: {T} stands for each score type, so that every entry point
-- (one per score type) is called.
CREATE TEMP TABLE cases (expr text, typ text, want text);
INSERT INTO cases
SELECT replace(replace(e, '{T}', t), '{MAX}', '9223372036854775807'), typ, want
FROM (VALUES
    -- ratings: a count at 2^63 - 1 in one point
    ($$ratings_trans('scale=0..1 n={{MAX},0}', 0::{T})$$, 'ratings', '22003'),  -- the point's count overflows
    ($$ratings_trans('scale=0..1 n={{MAX},0}', 1::{T})$$, 'ratings', '22003'),  -- the total overflows
    ($$ratings_trans('scale=0..1 n={{MAX},0}', 1::{T}, 1)$$, 'ratings', '22003'),
    ($$ratings_agg_trans('scale=0..1 n={{MAX},0}', 1::{T}, 0, 1)$$, 'ratings', '22003'),
    ($$ratings_agg_trans('scale=0..1 n={{MAX},0}', 1::{T}, 0, 1, 2)$$, 'ratings', '22003'),
    ($$ratings_inv('scale=0..1 n={{MAX},0}', 0::{T})$$, 'ratings', 'ok'),
    ($$ratings_agg_inv('scale=0..1 n={{MAX},0}', 0::{T}, 0, 1)$$, 'ratings', 'ok'),
    -- ratings: weights at the limits; 1e154 squared is 1e308, twice that is
    -- beyond the double range
    ($$ratings_trans('scale=0..1 n={1,0} w={1e154,0} w2=1e308', 1::{T}, 1e154)$$, 'ratings', '22003'),
    ($$ratings_trans('scale=0..1 n={0,0} w={0,0} w2=0', 1::{T}, 1e308)$$, 'ratings', '22003'),
    ($$ratings_trans('scale=0..1 n={0,0}', 1::{T}, 1.7976931348623157e308)$$, 'ratings', '22003'),
    ($$ratings_agg_trans('scale=0..1 n={1,0} w={1e154,0} w2=1e308', 1::{T}, 0, 1, 1e154)$$, 'ratings', '22003'),
    ($$ratings_trans('scale=0..1 n={0,0} w={0,0} w2=0', 1::{T}, 1e154)$$, 'ratings', 'ok'),
    ($$ratings_trans('scale=0..1 n={0,0} w={0,0} w2=0', 1::{T}, 5e-324)$$, 'ratings', 'ok'),
    ($$ratings_trans('scale=0..1 n={0,0} w={0,0} w2=0', 1::{T}, '-0'::float8)$$, 'ratings', 'ok'),
    ($$ratings_trans('scale=0..1 n={0,1}', 0::{T}, '-0'::float8)$$, 'ratings', 'ok'),
    ($$ratings_inv('scale=0..1 n={1,0} w={1e154,0} w2=1e308', 0::{T}, 1e154)$$, 'ratings', 'ok'),
    ($$ratings_inv('scale=0..1 n={1,1} w={5e-324,1} w2=1', 0::{T}, 5e-324)$$, 'ratings', 'ok'),
    ($$ratings_agg_inv('scale=0..1 n={1,0} w={1e154,0} w2=1e308', 0::{T}, 0, 1, 1e154)$$, 'ratings', 'ok'),
    -- rating_pairs: a cell at 2^63 - 1
    ($$rating_pairs_trans('x={0} y={0} n={{{MAX}}}', 0::{T}, 0::{T})$$, 'rating_pairs', '22003'),
    ($$rating_pairs_trans('x={0} y={0} n={{{MAX}}}', 1::{T}, 1::{T})$$, 'rating_pairs', '22003'),
    ($$rating_pairs_trans('x={0} y={0} n={{{MAX}}}', 2147483647::{T}, (-2147483648)::{T})$$, 'rating_pairs', '22003'),
    ($$rating_pairs_inv('x={0} y={0} n={{{MAX}}}', 0::{T}, 0::{T})$$, 'rating_pairs', 'ok'),
    -- term_ratings: a count at 2^63 - 1 overall and for a term
    ($$term_ratings_trans('scale=0..1 n={{MAX},0} terms={}', ARRAY['a'], 0::{T}, 0, 1)$$, 'term_ratings', '22003'),
    ($$term_ratings_trans('scale=0..1 n={{MAX},0} terms={}', ARRAY['a'], 1::{T}, 0, 1)$$, 'term_ratings', '22003'),
    ($$term_ratings_trans('scale=0..1 n={{MAX},0} terms={"a":{{MAX},0}}', to_tsvector('simple', 'a'), 0::{T}, 0, 1)$$, 'term_ratings', '22003'),
    ($$term_ratings_trans('scale=0..1 n={0,1} terms={"a":{0,1}}', to_tsvector('simple', 'a b'), 0::{T}, 0, 1)$$, 'term_ratings', 'ok'),
    ($$term_ratings_trans(NULL, ARRAY['b', NULL, 'b'], 10::{T})$$, 'term_ratings', 'ok')
) c(e, typ, want), unnest('{smallint,integer,bigint,numeric,double precision}'::text[]) t
WHERE NOT (t = 'smallint' AND e LIKE '%2147483647%');

-- The two-summary functions, once each.
INSERT INTO cases VALUES
    ($$ratings_combine('scale=0..1 n={9223372036854775807,0}', 'scale=0..1 n={0,1}')$$, 'ratings', '22003'),
    ($$ratings_rollup_trans('scale=0..1 n={9223372036854775807,0}', 'scale=0..1 n={1,0}')$$, 'ratings', '22003'),
    ($$'scale=0..1 n={9223372036854775807,0}'::ratings + 'scale=0..1 n={0,1}'$$, 'ratings', '22003'),
    ($$ratings_combine('scale=0..1 n={1,0} w={1e154,0} w2=1e308', 'scale=0..1 n={0,1} w={0,1e154} w2=1e308')$$, 'ratings', '22003'),
    ($$'scale=0..1 n={1,0} w={1e154,0} w2=1e308'::ratings + 'scale=0..1 n={1,0} w={1e154,0} w2=1e308'$$, 'ratings', '22003'),
    ($$ratings_combine('scale=0..1 n={1,0} w={5e-324,0} w2=0', 'scale=0..1 n={0,1} w={0,5e-324} w2=0')$$, 'ratings', 'ok'),
    ($$ratings_rollup_inv('scale=0..1 n={9223372036854775807,0}', 'scale=0..1 n={1,0}')$$, 'ratings', 'ok'),
    ($$ratings_rollup_inv('scale=0..1 n={2,0} w={1.8e154,0} w2=1.62e308', 'scale=0..1 n={1,0} w={9e153,0} w2=8.1e307')$$, 'ratings', 'ok'),
    ($$rating_pairs_combine('x={0} y={0} n={{9223372036854775807}}', 'x={1} y={1} n={{1}}')$$, 'rating_pairs', '22003'),
    ($$rating_pairs_rollup_trans('x={0} y={0} n={{9223372036854775807}}', 'x={0} y={0} n={{1}}')$$, 'rating_pairs', '22003'),
    ($$'x={0} y={0} n={{9223372036854775807}}'::rating_pairs + 'x={1} y={1} n={{1}}'$$, 'rating_pairs', '22003'),
    ($$rating_pairs_rollup_inv('x={0} y={0} n={{9223372036854775807}}', 'x={0} y={0} n={{1}}')$$, 'rating_pairs', 'ok'),
    ($$driver_matrix_combine('k=1 y=(9223372036854775807,0,0) x={(9223372036854775807,0,0)} xy={(9223372036854775807,0,0,0,0,0)} xx={}',
                             'k=1 y=(1,0,0) x={(1,0,0)} xy={(1,0,0,0,0,0)} xx={}')$$, 'driver_matrix', '22003'),
    ($$'k=1 y=(9223372036854775807,0,0) x={(9223372036854775807,0,0)} xy={(9223372036854775807,0,0,0,0,0)} xx={}'::driver_matrix
       + 'k=1 y=(1,0,0) x={(1,0,0)} xy={(1,0,0,0,0,0)} xx={}'$$, 'driver_matrix', '22003'),
    ($$driver_agg_trans(NULL, 1e308, ARRAY[1e308])$$, 'driver_matrix', 'ok'),
    ($$driver_agg_trans(driver_agg_trans(NULL, 1e308, ARRAY[1e308]), -1e308, ARRAY[-1e308])$$, 'driver_matrix', '22003'),
    ($$driver_agg_trans(NULL, 1e154, ARRAY[-1e154])$$, 'driver_matrix', 'ok'),
    ($$driver_agg_trans(NULL, 5e-324, ARRAY['-0'::float8])$$, 'driver_matrix', 'ok'),
    ($$term_ratings_combine('scale=0..1 n={9223372036854775807,0} terms={}', 'scale=0..1 n={0,1} terms={}')$$, 'term_ratings', '22003'),
    ($$term_ratings_rollup_trans('scale=0..1 n={9223372036854775807,0} terms={}', 'scale=0..1 n={1,0} terms={}')$$, 'term_ratings', '22003'),
    ($$'scale=0..1 n={9223372036854775807,0} terms={"a":{9223372036854775807,0}}'::term_ratings + 'scale=0..1 n={0,1} terms={"a":{0,1}}'$$, 'term_ratings', '22003'),
    ($$'scale=0..1 n={9223372036854775806,0} terms={"a":{9223372036854775806,0}}'::term_ratings + 'scale=0..1 n={1,0} terms={"a":{1,0}}'$$, 'term_ratings', 'ok'),
    ($$nps_trend_combine('n=2 mean_t=0 mean_y=0 stt=1e308 sty=0 syy=0', 'n=2 mean_t=0 mean_y=0 stt=1e308 sty=0 syy=0')$$, 'nps_trend_state', '22003'),
    ($$nps_trend_combine('n=2 mean_t=1e300 mean_y=0 stt=0 sty=0 syy=0', 'n=2 mean_t=-1e300 mean_y=0 stt=0 sty=0 syy=0')$$, 'nps_trend_state', '22003'),
    ($$nps_trend_combine('n=9007199254740992 mean_t=0 mean_y=0 stt=0 sty=0 syy=0', 'n=1 mean_t=0 mean_y=0 stt=0 sty=0 syy=0')$$, 'nps_trend_state', '22003'),
    ($$nps_trend_trans('n=1 mean_t=-1e300 mean_y=0 stt=0 sty=0 syy=0', '2026-11-23'::timestamptz, 10)$$, 'nps_trend_state', '22003'),
    ($$nps_trend_trans('n=9007199254740992 mean_t=0 mean_y=0 stt=0 sty=0 syy=0', '2026-11-23'::timestamptz, 10)$$, 'nps_trend_state', '22003'),
    ($$nps_trend_trans('n=0 mean_t=0 mean_y=0 stt=0 sty=0 syy=0', '294276-12-31 23:59:59+00'::timestamptz, 10)$$, 'nps_trend_state', 'ok');

SELECT cmp_ok((SELECT count(*) FROM cases), '>=', 130::bigint, 'the extreme cases, every score type');
SELECT is_empty($$SELECT expr, want, got FROM (SELECT expr, want, pg_temp.extreme(expr, typ) AS got FROM cases) c
                  WHERE got <> want$$,
                'every extreme case fails with 22003 or reads back unchanged, as expected');
-- The examples of README.md: a weight above about 1.34e154 is an error,
-- never a summary with w2=Infinity or an NPS of NaN.
SELECT throws_ok($$SELECT nps(x, 1.7976931348623157e308) FROM (VALUES (9)) v(x)$$, '22003', NULL,
                 'nps(score, 1.8e308): 22003');

SELECT * FROM finish();
ROLLBACK;
