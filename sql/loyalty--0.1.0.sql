-- loyalty 0.1.0, as released (commit 2d7cb93), in the plain-SQL form that
-- tools/expand-sql.pl gives its sources: the same objects.  Kept so that
-- CREATE EXTENSION loyalty VERSION '0.1.0' and the upgrade test can install
-- it; never edit it.  Changes go to sql/install/ and to the upgrade script.
\echo Use "CREATE EXTENSION loyalty" to load this file. \quit
-- ---------------------------------------------------------------------
-- The ratings type: the distribution of answers on one integer scale
-- ---------------------------------------------------------------------

CREATE TYPE @extschema@.ratings;

CREATE FUNCTION @extschema@.ratings_in(cstring) RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ratings_out(@extschema@.ratings) RETURNS cstring
    AS 'MODULE_PATHNAME', 'ratings_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ratings_recv(internal) RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ratings_send(@extschema@.ratings) RETURNS bytea
    AS 'MODULE_PATHNAME', 'ratings_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.ratings (
    INPUT = @extschema@.ratings_in,
    OUTPUT = @extschema@.ratings_out,
    RECEIVE = @extschema@.ratings_recv,
    SEND = @extschema@.ratings_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.ratings IS
    'distribution of answers on one integer scale lo..hi: exact count and weight sum per scale point';

CREATE FUNCTION @extschema@.ratings_to_jsonb(@extschema@.ratings) RETURNS jsonb
    AS 'MODULE_PATHNAME', 'ratings_to_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_to_jsonb(@extschema@.ratings) IS
    'the summary as jsonb: lo, hi, responses, total_weight, weighted, counts, weights, sum_sq_weights';
CREATE CAST (@extschema@.ratings AS jsonb)
    WITH FUNCTION @extschema@.ratings_to_jsonb(@extschema@.ratings);

-- Accessors ------------------------------------------------------------

CREATE FUNCTION @extschema@.responses(@extschema@.ratings) RETURNS bigint
    AS 'MODULE_PATHNAME', 'ratings_responses_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.responses(@extschema@.ratings) IS 'number of responses';

CREATE FUNCTION @extschema@.total_weight(@extschema@.ratings) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_total_weight_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.total_weight(@extschema@.ratings) IS
    'sum of the weights (the number of responses for an unweighted summary)';

CREATE FUNCTION @extschema@.nps(@extschema@.ratings) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_nps' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps(@extschema@.ratings) IS
    'Net Promoter Score, -100..100: % promoters (9-10) minus % detractors (0-6); 0..10 summaries only';

CREATE FUNCTION @extschema@.promoters(@extschema@.ratings) RETURNS bigint
    AS 'MODULE_PATHNAME', 'ratings_promoters' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.promoters(@extschema@.ratings) IS 'number of 9-10 answers (0..10 summaries)';
CREATE FUNCTION @extschema@.passives(@extschema@.ratings) RETURNS bigint
    AS 'MODULE_PATHNAME', 'ratings_passives' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.passives(@extschema@.ratings) IS 'number of 7-8 answers (0..10 summaries)';
CREATE FUNCTION @extschema@.detractors(@extschema@.ratings) RETURNS bigint
    AS 'MODULE_PATHNAME', 'ratings_detractors' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.detractors(@extschema@.ratings) IS 'number of 0-6 answers (0..10 summaries)';

CREATE FUNCTION @extschema@.promoter_pct(@extschema@.ratings) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_promoter_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.promoter_pct(@extschema@.ratings) IS '% of 9-10 answers, weighted (0..10 summaries)';
CREATE FUNCTION @extschema@.passive_pct(@extschema@.ratings) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_passive_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.passive_pct(@extschema@.ratings) IS '% of 7-8 answers, weighted (0..10 summaries)';
CREATE FUNCTION @extschema@.detractor_pct(@extschema@.ratings) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_detractor_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.detractor_pct(@extschema@.ratings) IS '% of 0-6 answers, weighted (0..10 summaries)';

CREATE FUNCTION @extschema@.mean(@extschema@.ratings) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean(@extschema@.ratings) IS 'weighted mean score';
CREATE FUNCTION @extschema@.stddev(@extschema@.ratings) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_stddev' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stddev(@extschema@.ratings) IS
    'sample standard deviation; weighted: sum w(x-mean)^2 / (W - sum w^2/W)';
CREATE FUNCTION @extschema@.median(@extschema@.ratings) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_median' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.median(@extschema@.ratings) IS
    'the middle answer, or the mean of the two middle answers when their number is even';

CREATE FUNCTION @extschema@.top_box(@extschema@.ratings, boxes integer DEFAULT 2) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_top_box' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.top_box(@extschema@.ratings, integer) IS
    '% of answers in the top `boxes` points of the scale';
CREATE FUNCTION @extschema@.bottom_box(@extschema@.ratings, boxes integer DEFAULT 2) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_bottom_box' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bottom_box(@extschema@.ratings, integer) IS
    '% of answers in the bottom `boxes` points of the scale';
CREATE FUNCTION @extschema@.csat(@extschema@.ratings) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_csat' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat(@extschema@.ratings) IS
    'customer satisfaction: % of answers in the top two points (4-5 on 1..5)';
CREATE FUNCTION @extschema@.ces(@extschema@.ratings) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces(@extschema@.ratings) IS 'customer effort score: the mean answer';
CREATE FUNCTION @extschema@.satisfaction_index(@extschema@.ratings) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_satisfaction_index' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.satisfaction_index(@extschema@.ratings) IS
    'mean rescaled to 0..100: 100 * (mean - lo) / (hi - lo)';

CREATE FUNCTION @extschema@.histogram(@extschema@.ratings,
        OUT score integer, OUT responses bigint, OUT weight double precision, OUT pct double precision)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'ratings_histogram' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 11;
COMMENT ON FUNCTION @extschema@.histogram(@extschema@.ratings) IS
    'one row per scale point: score, responses, weight, % of the total weight';

-- Aggregate support ----------------------------------------------------

CREATE FUNCTION @extschema@.ratings_final(@extschema@.ratings) RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_final(@extschema@.ratings) IS
    'final function of the ratings aggregates: NULL for a summary without responses';
CREATE FUNCTION @extschema@.ratings_combine(@extschema@.ratings, @extschema@.ratings)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_combine(@extschema@.ratings, @extschema@.ratings) IS
    'combine function of the ratings aggregates: the sum of two summaries on one scale';
CREATE FUNCTION @extschema@.ratings_rollup_trans(@extschema@.ratings, @extschema@.ratings)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_rollup_trans' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_rollup_trans(@extschema@.ratings, @extschema@.ratings) IS
    'transition function of rollup(ratings)';
CREATE FUNCTION @extschema@.ratings_rollup_inv(@extschema@.ratings, @extschema@.ratings)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_rollup_inv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_rollup_inv(@extschema@.ratings, @extschema@.ratings) IS
    'inverse transition function of rollup(ratings) for moving window frames';

-- Transition functions and aggregates, for each score type (expanded by
-- tools/expand-sql.pl into plain SQL; every name is schema-qualified).
CREATE FUNCTION @extschema@.ratings_trans(@extschema@.ratings, smallint) RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_trans_int2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_trans(@extschema@.ratings, smallint) IS
    'transition function: the summary with one more response';
CREATE FUNCTION @extschema@.ratings_inv(@extschema@.ratings, smallint) RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_inv_int2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_inv(@extschema@.ratings, smallint) IS
    'inverse transition function: the summary with one response removed';
CREATE FUNCTION @extschema@.ratings_trans(@extschema@.ratings, smallint, double precision)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_wtrans_int2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_trans(@extschema@.ratings, smallint, double precision) IS
    'transition function: the summary with one more weighted response';
CREATE FUNCTION @extschema@.ratings_inv(@extschema@.ratings, smallint, double precision)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_winv_int2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_inv(@extschema@.ratings, smallint, double precision) IS
    'inverse transition function: one weighted response removed, or NULL where the weight sums would not be exact';
CREATE FUNCTION @extschema@.ratings_agg_trans(@extschema@.ratings, smallint, integer, integer)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_agg_trans_int2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_agg_trans(@extschema@.ratings, smallint, integer, integer) IS
    'transition function of ratings_agg';
CREATE FUNCTION @extschema@.ratings_agg_inv(@extschema@.ratings, smallint, integer, integer)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_agg_inv_int2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_agg_inv(@extschema@.ratings, smallint, integer, integer) IS
    'inverse transition function of ratings_agg';
CREATE FUNCTION @extschema@.ratings_agg_trans(@extschema@.ratings, smallint, integer, integer, double precision)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_agg_wtrans_int2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_agg_trans(@extschema@.ratings, smallint, integer, integer, double precision) IS
    'transition function of the weighted ratings_agg';
CREATE FUNCTION @extschema@.ratings_agg_inv(@extschema@.ratings, smallint, integer, integer, double precision)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_agg_winv_int2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_agg_inv(@extschema@.ratings, smallint, integer, integer, double precision) IS
    'inverse transition function of the weighted ratings_agg';

CREATE AGGREGATE @extschema@.ratings_agg(smallint, integer, integer) (
    SFUNC = @extschema@.ratings_agg_trans, STYPE = @extschema@.ratings,
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_agg_trans, MINVFUNC = @extschema@.ratings_agg_inv,
    MSTYPE = @extschema@.ratings, MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.ratings_agg(smallint, integer, integer) IS
    'summary of the scores on the scale lo..hi (at most 101 points)';
CREATE AGGREGATE @extschema@.ratings_agg(smallint, integer, integer, double precision) (
    SFUNC = @extschema@.ratings_agg_trans, STYPE = @extschema@.ratings,
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_agg_trans, MINVFUNC = @extschema@.ratings_agg_inv,
    MSTYPE = @extschema@.ratings, MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.ratings_agg(smallint, integer, integer, double precision) IS
    'weighted summary of the scores on the scale lo..hi (at most 101 points)';

-- Aggregates on a fixed scale: the state starts as an empty summary.
CREATE AGGREGATE @extschema@.nps(smallint) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0}',
    FINALFUNC = @extschema@.nps, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0}', MFINALFUNC = @extschema@.nps,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps(smallint) IS 'Net Promoter Score of 0-10 answers, -100..100';
CREATE AGGREGATE @extschema@.nps(smallint, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0} w={0,0,0,0,0,0,0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.nps, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0} w={0,0,0,0,0,0,0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.nps,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps(smallint, double precision) IS 'weighted Net Promoter Score of 0-10 answers, -100..100';
CREATE AGGREGATE @extschema@.ces(smallint) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..7 n={0,0,0,0,0,0,0}',
    FINALFUNC = @extschema@.ces, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..7 n={0,0,0,0,0,0,0}', MFINALFUNC = @extschema@.ces,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.ces(smallint) IS 'customer effort score: mean of 1-7 answers (CES 2.0, higher is easier)';
CREATE AGGREGATE @extschema@.ces(smallint, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..7 n={0,0,0,0,0,0,0} w={0,0,0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.ces, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..7 n={0,0,0,0,0,0,0} w={0,0,0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.ces,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.ces(smallint, double precision) IS 'weighted customer effort score: mean of 1-7 answers (CES 2.0, higher is easier)';
CREATE AGGREGATE @extschema@.csat(smallint) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..5 n={0,0,0,0,0}',
    FINALFUNC = @extschema@.csat, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..5 n={0,0,0,0,0}', MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.csat(smallint) IS 'customer satisfaction: % of 4-5 answers on 1..5';
CREATE AGGREGATE @extschema@.csat(smallint, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..5 n={0,0,0,0,0} w={0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.csat, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..5 n={0,0,0,0,0} w={0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.csat(smallint, double precision) IS 'weighted customer satisfaction: % of 4-5 answers on 1..5';
CREATE AGGREGATE @extschema@.nps_agg(smallint) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0}',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0}', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps_agg(smallint) IS 'summary of 0-10 recommend answers';
CREATE AGGREGATE @extschema@.nps_agg(smallint, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0} w={0,0,0,0,0,0,0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0} w={0,0,0,0,0,0,0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps_agg(smallint, double precision) IS 'weighted summary of 0-10 recommend answers';
CREATE AGGREGATE @extschema@.effort_agg(smallint) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..7 n={0,0,0,0,0,0,0}',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..7 n={0,0,0,0,0,0,0}', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.effort_agg(smallint) IS 'summary of 1-7 effort answers';
CREATE AGGREGATE @extschema@.effort_agg(smallint, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..7 n={0,0,0,0,0,0,0} w={0,0,0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..7 n={0,0,0,0,0,0,0} w={0,0,0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.effort_agg(smallint, double precision) IS 'weighted summary of 1-7 effort answers';
CREATE AGGREGATE @extschema@.csat_agg(smallint) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..5 n={0,0,0,0,0}',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..5 n={0,0,0,0,0}', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.csat_agg(smallint) IS 'summary of 1-5 satisfaction answers';
CREATE AGGREGATE @extschema@.csat_agg(smallint, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..5 n={0,0,0,0,0} w={0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..5 n={0,0,0,0,0} w={0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.csat_agg(smallint, double precision) IS 'weighted summary of 1-5 satisfaction answers';
CREATE FUNCTION @extschema@.ratings_trans(@extschema@.ratings, integer) RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_trans_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_trans(@extschema@.ratings, integer) IS
    'transition function: the summary with one more response';
CREATE FUNCTION @extschema@.ratings_inv(@extschema@.ratings, integer) RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_inv_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_inv(@extschema@.ratings, integer) IS
    'inverse transition function: the summary with one response removed';
CREATE FUNCTION @extschema@.ratings_trans(@extschema@.ratings, integer, double precision)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_wtrans_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_trans(@extschema@.ratings, integer, double precision) IS
    'transition function: the summary with one more weighted response';
CREATE FUNCTION @extschema@.ratings_inv(@extschema@.ratings, integer, double precision)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_winv_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_inv(@extschema@.ratings, integer, double precision) IS
    'inverse transition function: one weighted response removed, or NULL where the weight sums would not be exact';
CREATE FUNCTION @extschema@.ratings_agg_trans(@extschema@.ratings, integer, integer, integer)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_agg_trans_int4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_agg_trans(@extschema@.ratings, integer, integer, integer) IS
    'transition function of ratings_agg';
CREATE FUNCTION @extschema@.ratings_agg_inv(@extschema@.ratings, integer, integer, integer)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_agg_inv_int4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_agg_inv(@extschema@.ratings, integer, integer, integer) IS
    'inverse transition function of ratings_agg';
CREATE FUNCTION @extschema@.ratings_agg_trans(@extschema@.ratings, integer, integer, integer, double precision)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_agg_wtrans_int4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_agg_trans(@extschema@.ratings, integer, integer, integer, double precision) IS
    'transition function of the weighted ratings_agg';
CREATE FUNCTION @extschema@.ratings_agg_inv(@extschema@.ratings, integer, integer, integer, double precision)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_agg_winv_int4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_agg_inv(@extschema@.ratings, integer, integer, integer, double precision) IS
    'inverse transition function of the weighted ratings_agg';

CREATE AGGREGATE @extschema@.ratings_agg(integer, integer, integer) (
    SFUNC = @extschema@.ratings_agg_trans, STYPE = @extschema@.ratings,
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_agg_trans, MINVFUNC = @extschema@.ratings_agg_inv,
    MSTYPE = @extschema@.ratings, MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.ratings_agg(integer, integer, integer) IS
    'summary of the scores on the scale lo..hi (at most 101 points)';
CREATE AGGREGATE @extschema@.ratings_agg(integer, integer, integer, double precision) (
    SFUNC = @extschema@.ratings_agg_trans, STYPE = @extschema@.ratings,
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_agg_trans, MINVFUNC = @extschema@.ratings_agg_inv,
    MSTYPE = @extschema@.ratings, MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.ratings_agg(integer, integer, integer, double precision) IS
    'weighted summary of the scores on the scale lo..hi (at most 101 points)';

-- Aggregates on a fixed scale: the state starts as an empty summary.
CREATE AGGREGATE @extschema@.nps(integer) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0}',
    FINALFUNC = @extschema@.nps, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0}', MFINALFUNC = @extschema@.nps,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps(integer) IS 'Net Promoter Score of 0-10 answers, -100..100';
CREATE AGGREGATE @extschema@.nps(integer, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0} w={0,0,0,0,0,0,0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.nps, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0} w={0,0,0,0,0,0,0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.nps,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps(integer, double precision) IS 'weighted Net Promoter Score of 0-10 answers, -100..100';
CREATE AGGREGATE @extschema@.ces(integer) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..7 n={0,0,0,0,0,0,0}',
    FINALFUNC = @extschema@.ces, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..7 n={0,0,0,0,0,0,0}', MFINALFUNC = @extschema@.ces,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.ces(integer) IS 'customer effort score: mean of 1-7 answers (CES 2.0, higher is easier)';
CREATE AGGREGATE @extschema@.ces(integer, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..7 n={0,0,0,0,0,0,0} w={0,0,0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.ces, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..7 n={0,0,0,0,0,0,0} w={0,0,0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.ces,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.ces(integer, double precision) IS 'weighted customer effort score: mean of 1-7 answers (CES 2.0, higher is easier)';
CREATE AGGREGATE @extschema@.csat(integer) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..5 n={0,0,0,0,0}',
    FINALFUNC = @extschema@.csat, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..5 n={0,0,0,0,0}', MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.csat(integer) IS 'customer satisfaction: % of 4-5 answers on 1..5';
CREATE AGGREGATE @extschema@.csat(integer, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..5 n={0,0,0,0,0} w={0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.csat, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..5 n={0,0,0,0,0} w={0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.csat(integer, double precision) IS 'weighted customer satisfaction: % of 4-5 answers on 1..5';
CREATE AGGREGATE @extschema@.nps_agg(integer) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0}',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0}', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps_agg(integer) IS 'summary of 0-10 recommend answers';
CREATE AGGREGATE @extschema@.nps_agg(integer, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0} w={0,0,0,0,0,0,0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0} w={0,0,0,0,0,0,0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps_agg(integer, double precision) IS 'weighted summary of 0-10 recommend answers';
CREATE AGGREGATE @extschema@.effort_agg(integer) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..7 n={0,0,0,0,0,0,0}',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..7 n={0,0,0,0,0,0,0}', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.effort_agg(integer) IS 'summary of 1-7 effort answers';
CREATE AGGREGATE @extschema@.effort_agg(integer, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..7 n={0,0,0,0,0,0,0} w={0,0,0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..7 n={0,0,0,0,0,0,0} w={0,0,0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.effort_agg(integer, double precision) IS 'weighted summary of 1-7 effort answers';
CREATE AGGREGATE @extschema@.csat_agg(integer) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..5 n={0,0,0,0,0}',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..5 n={0,0,0,0,0}', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.csat_agg(integer) IS 'summary of 1-5 satisfaction answers';
CREATE AGGREGATE @extschema@.csat_agg(integer, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..5 n={0,0,0,0,0} w={0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..5 n={0,0,0,0,0} w={0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.csat_agg(integer, double precision) IS 'weighted summary of 1-5 satisfaction answers';
CREATE FUNCTION @extschema@.ratings_trans(@extschema@.ratings, bigint) RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_trans_int8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_trans(@extschema@.ratings, bigint) IS
    'transition function: the summary with one more response';
CREATE FUNCTION @extschema@.ratings_inv(@extschema@.ratings, bigint) RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_inv_int8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_inv(@extschema@.ratings, bigint) IS
    'inverse transition function: the summary with one response removed';
CREATE FUNCTION @extschema@.ratings_trans(@extschema@.ratings, bigint, double precision)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_wtrans_int8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_trans(@extschema@.ratings, bigint, double precision) IS
    'transition function: the summary with one more weighted response';
CREATE FUNCTION @extschema@.ratings_inv(@extschema@.ratings, bigint, double precision)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_winv_int8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_inv(@extschema@.ratings, bigint, double precision) IS
    'inverse transition function: one weighted response removed, or NULL where the weight sums would not be exact';
CREATE FUNCTION @extschema@.ratings_agg_trans(@extschema@.ratings, bigint, integer, integer)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_agg_trans_int8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_agg_trans(@extschema@.ratings, bigint, integer, integer) IS
    'transition function of ratings_agg';
CREATE FUNCTION @extschema@.ratings_agg_inv(@extschema@.ratings, bigint, integer, integer)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_agg_inv_int8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_agg_inv(@extschema@.ratings, bigint, integer, integer) IS
    'inverse transition function of ratings_agg';
CREATE FUNCTION @extschema@.ratings_agg_trans(@extschema@.ratings, bigint, integer, integer, double precision)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_agg_wtrans_int8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_agg_trans(@extschema@.ratings, bigint, integer, integer, double precision) IS
    'transition function of the weighted ratings_agg';
CREATE FUNCTION @extschema@.ratings_agg_inv(@extschema@.ratings, bigint, integer, integer, double precision)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_agg_winv_int8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_agg_inv(@extschema@.ratings, bigint, integer, integer, double precision) IS
    'inverse transition function of the weighted ratings_agg';

CREATE AGGREGATE @extschema@.ratings_agg(bigint, integer, integer) (
    SFUNC = @extschema@.ratings_agg_trans, STYPE = @extschema@.ratings,
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_agg_trans, MINVFUNC = @extschema@.ratings_agg_inv,
    MSTYPE = @extschema@.ratings, MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.ratings_agg(bigint, integer, integer) IS
    'summary of the scores on the scale lo..hi (at most 101 points)';
CREATE AGGREGATE @extschema@.ratings_agg(bigint, integer, integer, double precision) (
    SFUNC = @extschema@.ratings_agg_trans, STYPE = @extschema@.ratings,
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_agg_trans, MINVFUNC = @extschema@.ratings_agg_inv,
    MSTYPE = @extschema@.ratings, MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.ratings_agg(bigint, integer, integer, double precision) IS
    'weighted summary of the scores on the scale lo..hi (at most 101 points)';

-- Aggregates on a fixed scale: the state starts as an empty summary.
CREATE AGGREGATE @extschema@.nps(bigint) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0}',
    FINALFUNC = @extschema@.nps, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0}', MFINALFUNC = @extschema@.nps,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps(bigint) IS 'Net Promoter Score of 0-10 answers, -100..100';
CREATE AGGREGATE @extschema@.nps(bigint, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0} w={0,0,0,0,0,0,0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.nps, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0} w={0,0,0,0,0,0,0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.nps,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps(bigint, double precision) IS 'weighted Net Promoter Score of 0-10 answers, -100..100';
CREATE AGGREGATE @extschema@.ces(bigint) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..7 n={0,0,0,0,0,0,0}',
    FINALFUNC = @extschema@.ces, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..7 n={0,0,0,0,0,0,0}', MFINALFUNC = @extschema@.ces,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.ces(bigint) IS 'customer effort score: mean of 1-7 answers (CES 2.0, higher is easier)';
CREATE AGGREGATE @extschema@.ces(bigint, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..7 n={0,0,0,0,0,0,0} w={0,0,0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.ces, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..7 n={0,0,0,0,0,0,0} w={0,0,0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.ces,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.ces(bigint, double precision) IS 'weighted customer effort score: mean of 1-7 answers (CES 2.0, higher is easier)';
CREATE AGGREGATE @extschema@.csat(bigint) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..5 n={0,0,0,0,0}',
    FINALFUNC = @extschema@.csat, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..5 n={0,0,0,0,0}', MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.csat(bigint) IS 'customer satisfaction: % of 4-5 answers on 1..5';
CREATE AGGREGATE @extschema@.csat(bigint, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..5 n={0,0,0,0,0} w={0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.csat, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..5 n={0,0,0,0,0} w={0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.csat(bigint, double precision) IS 'weighted customer satisfaction: % of 4-5 answers on 1..5';
CREATE AGGREGATE @extschema@.nps_agg(bigint) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0}',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0}', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps_agg(bigint) IS 'summary of 0-10 recommend answers';
CREATE AGGREGATE @extschema@.nps_agg(bigint, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0} w={0,0,0,0,0,0,0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0} w={0,0,0,0,0,0,0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps_agg(bigint, double precision) IS 'weighted summary of 0-10 recommend answers';
CREATE AGGREGATE @extschema@.effort_agg(bigint) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..7 n={0,0,0,0,0,0,0}',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..7 n={0,0,0,0,0,0,0}', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.effort_agg(bigint) IS 'summary of 1-7 effort answers';
CREATE AGGREGATE @extschema@.effort_agg(bigint, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..7 n={0,0,0,0,0,0,0} w={0,0,0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..7 n={0,0,0,0,0,0,0} w={0,0,0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.effort_agg(bigint, double precision) IS 'weighted summary of 1-7 effort answers';
CREATE AGGREGATE @extschema@.csat_agg(bigint) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..5 n={0,0,0,0,0}',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..5 n={0,0,0,0,0}', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.csat_agg(bigint) IS 'summary of 1-5 satisfaction answers';
CREATE AGGREGATE @extschema@.csat_agg(bigint, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..5 n={0,0,0,0,0} w={0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..5 n={0,0,0,0,0} w={0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.csat_agg(bigint, double precision) IS 'weighted summary of 1-5 satisfaction answers';
CREATE FUNCTION @extschema@.ratings_trans(@extschema@.ratings, numeric) RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_trans_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_trans(@extschema@.ratings, numeric) IS
    'transition function: the summary with one more response';
CREATE FUNCTION @extschema@.ratings_inv(@extschema@.ratings, numeric) RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_inv_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_inv(@extschema@.ratings, numeric) IS
    'inverse transition function: the summary with one response removed';
CREATE FUNCTION @extschema@.ratings_trans(@extschema@.ratings, numeric, double precision)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_wtrans_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_trans(@extschema@.ratings, numeric, double precision) IS
    'transition function: the summary with one more weighted response';
CREATE FUNCTION @extschema@.ratings_inv(@extschema@.ratings, numeric, double precision)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_winv_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_inv(@extschema@.ratings, numeric, double precision) IS
    'inverse transition function: one weighted response removed, or NULL where the weight sums would not be exact';
CREATE FUNCTION @extschema@.ratings_agg_trans(@extschema@.ratings, numeric, integer, integer)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_agg_trans_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_agg_trans(@extschema@.ratings, numeric, integer, integer) IS
    'transition function of ratings_agg';
CREATE FUNCTION @extschema@.ratings_agg_inv(@extschema@.ratings, numeric, integer, integer)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_agg_inv_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_agg_inv(@extschema@.ratings, numeric, integer, integer) IS
    'inverse transition function of ratings_agg';
CREATE FUNCTION @extschema@.ratings_agg_trans(@extschema@.ratings, numeric, integer, integer, double precision)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_agg_wtrans_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_agg_trans(@extschema@.ratings, numeric, integer, integer, double precision) IS
    'transition function of the weighted ratings_agg';
CREATE FUNCTION @extschema@.ratings_agg_inv(@extschema@.ratings, numeric, integer, integer, double precision)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_agg_winv_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_agg_inv(@extschema@.ratings, numeric, integer, integer, double precision) IS
    'inverse transition function of the weighted ratings_agg';

CREATE AGGREGATE @extschema@.ratings_agg(numeric, integer, integer) (
    SFUNC = @extschema@.ratings_agg_trans, STYPE = @extschema@.ratings,
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_agg_trans, MINVFUNC = @extschema@.ratings_agg_inv,
    MSTYPE = @extschema@.ratings, MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.ratings_agg(numeric, integer, integer) IS
    'summary of the scores on the scale lo..hi (at most 101 points)';
CREATE AGGREGATE @extschema@.ratings_agg(numeric, integer, integer, double precision) (
    SFUNC = @extschema@.ratings_agg_trans, STYPE = @extschema@.ratings,
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_agg_trans, MINVFUNC = @extschema@.ratings_agg_inv,
    MSTYPE = @extschema@.ratings, MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.ratings_agg(numeric, integer, integer, double precision) IS
    'weighted summary of the scores on the scale lo..hi (at most 101 points)';

-- Aggregates on a fixed scale: the state starts as an empty summary.
CREATE AGGREGATE @extschema@.nps(numeric) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0}',
    FINALFUNC = @extschema@.nps, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0}', MFINALFUNC = @extschema@.nps,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps(numeric) IS 'Net Promoter Score of 0-10 answers, -100..100';
CREATE AGGREGATE @extschema@.nps(numeric, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0} w={0,0,0,0,0,0,0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.nps, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0} w={0,0,0,0,0,0,0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.nps,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps(numeric, double precision) IS 'weighted Net Promoter Score of 0-10 answers, -100..100';
CREATE AGGREGATE @extschema@.ces(numeric) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..7 n={0,0,0,0,0,0,0}',
    FINALFUNC = @extschema@.ces, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..7 n={0,0,0,0,0,0,0}', MFINALFUNC = @extschema@.ces,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.ces(numeric) IS 'customer effort score: mean of 1-7 answers (CES 2.0, higher is easier)';
CREATE AGGREGATE @extschema@.ces(numeric, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..7 n={0,0,0,0,0,0,0} w={0,0,0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.ces, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..7 n={0,0,0,0,0,0,0} w={0,0,0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.ces,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.ces(numeric, double precision) IS 'weighted customer effort score: mean of 1-7 answers (CES 2.0, higher is easier)';
CREATE AGGREGATE @extschema@.csat(numeric) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..5 n={0,0,0,0,0}',
    FINALFUNC = @extschema@.csat, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..5 n={0,0,0,0,0}', MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.csat(numeric) IS 'customer satisfaction: % of 4-5 answers on 1..5';
CREATE AGGREGATE @extschema@.csat(numeric, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..5 n={0,0,0,0,0} w={0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.csat, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..5 n={0,0,0,0,0} w={0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.csat(numeric, double precision) IS 'weighted customer satisfaction: % of 4-5 answers on 1..5';
CREATE AGGREGATE @extschema@.nps_agg(numeric) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0}',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0}', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps_agg(numeric) IS 'summary of 0-10 recommend answers';
CREATE AGGREGATE @extschema@.nps_agg(numeric, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0} w={0,0,0,0,0,0,0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0} w={0,0,0,0,0,0,0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps_agg(numeric, double precision) IS 'weighted summary of 0-10 recommend answers';
CREATE AGGREGATE @extschema@.effort_agg(numeric) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..7 n={0,0,0,0,0,0,0}',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..7 n={0,0,0,0,0,0,0}', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.effort_agg(numeric) IS 'summary of 1-7 effort answers';
CREATE AGGREGATE @extschema@.effort_agg(numeric, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..7 n={0,0,0,0,0,0,0} w={0,0,0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..7 n={0,0,0,0,0,0,0} w={0,0,0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.effort_agg(numeric, double precision) IS 'weighted summary of 1-7 effort answers';
CREATE AGGREGATE @extschema@.csat_agg(numeric) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..5 n={0,0,0,0,0}',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..5 n={0,0,0,0,0}', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.csat_agg(numeric) IS 'summary of 1-5 satisfaction answers';
CREATE AGGREGATE @extschema@.csat_agg(numeric, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..5 n={0,0,0,0,0} w={0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..5 n={0,0,0,0,0} w={0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.csat_agg(numeric, double precision) IS 'weighted summary of 1-5 satisfaction answers';
CREATE FUNCTION @extschema@.ratings_trans(@extschema@.ratings, double precision) RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_trans_float8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_trans(@extschema@.ratings, double precision) IS
    'transition function: the summary with one more response';
CREATE FUNCTION @extschema@.ratings_inv(@extschema@.ratings, double precision) RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_inv_float8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_inv(@extschema@.ratings, double precision) IS
    'inverse transition function: the summary with one response removed';
CREATE FUNCTION @extschema@.ratings_trans(@extschema@.ratings, double precision, double precision)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_wtrans_float8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_trans(@extschema@.ratings, double precision, double precision) IS
    'transition function: the summary with one more weighted response';
CREATE FUNCTION @extschema@.ratings_inv(@extschema@.ratings, double precision, double precision)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_winv_float8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_inv(@extschema@.ratings, double precision, double precision) IS
    'inverse transition function: one weighted response removed, or NULL where the weight sums would not be exact';
CREATE FUNCTION @extschema@.ratings_agg_trans(@extschema@.ratings, double precision, integer, integer)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_agg_trans_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_agg_trans(@extschema@.ratings, double precision, integer, integer) IS
    'transition function of ratings_agg';
CREATE FUNCTION @extschema@.ratings_agg_inv(@extschema@.ratings, double precision, integer, integer)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_agg_inv_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_agg_inv(@extschema@.ratings, double precision, integer, integer) IS
    'inverse transition function of ratings_agg';
CREATE FUNCTION @extschema@.ratings_agg_trans(@extschema@.ratings, double precision, integer, integer, double precision)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_agg_wtrans_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_agg_trans(@extschema@.ratings, double precision, integer, integer, double precision) IS
    'transition function of the weighted ratings_agg';
CREATE FUNCTION @extschema@.ratings_agg_inv(@extschema@.ratings, double precision, integer, integer, double precision)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_agg_winv_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_agg_inv(@extschema@.ratings, double precision, integer, integer, double precision) IS
    'inverse transition function of the weighted ratings_agg';

CREATE AGGREGATE @extschema@.ratings_agg(double precision, integer, integer) (
    SFUNC = @extschema@.ratings_agg_trans, STYPE = @extschema@.ratings,
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_agg_trans, MINVFUNC = @extschema@.ratings_agg_inv,
    MSTYPE = @extschema@.ratings, MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.ratings_agg(double precision, integer, integer) IS
    'summary of the scores on the scale lo..hi (at most 101 points)';
CREATE AGGREGATE @extschema@.ratings_agg(double precision, integer, integer, double precision) (
    SFUNC = @extschema@.ratings_agg_trans, STYPE = @extschema@.ratings,
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_agg_trans, MINVFUNC = @extschema@.ratings_agg_inv,
    MSTYPE = @extschema@.ratings, MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.ratings_agg(double precision, integer, integer, double precision) IS
    'weighted summary of the scores on the scale lo..hi (at most 101 points)';

-- Aggregates on a fixed scale: the state starts as an empty summary.
CREATE AGGREGATE @extschema@.nps(double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0}',
    FINALFUNC = @extschema@.nps, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0}', MFINALFUNC = @extschema@.nps,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps(double precision) IS 'Net Promoter Score of 0-10 answers, -100..100';
CREATE AGGREGATE @extschema@.nps(double precision, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0} w={0,0,0,0,0,0,0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.nps, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0} w={0,0,0,0,0,0,0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.nps,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps(double precision, double precision) IS 'weighted Net Promoter Score of 0-10 answers, -100..100';
CREATE AGGREGATE @extschema@.ces(double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..7 n={0,0,0,0,0,0,0}',
    FINALFUNC = @extschema@.ces, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..7 n={0,0,0,0,0,0,0}', MFINALFUNC = @extschema@.ces,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.ces(double precision) IS 'customer effort score: mean of 1-7 answers (CES 2.0, higher is easier)';
CREATE AGGREGATE @extschema@.ces(double precision, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..7 n={0,0,0,0,0,0,0} w={0,0,0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.ces, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..7 n={0,0,0,0,0,0,0} w={0,0,0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.ces,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.ces(double precision, double precision) IS 'weighted customer effort score: mean of 1-7 answers (CES 2.0, higher is easier)';
CREATE AGGREGATE @extschema@.csat(double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..5 n={0,0,0,0,0}',
    FINALFUNC = @extschema@.csat, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..5 n={0,0,0,0,0}', MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.csat(double precision) IS 'customer satisfaction: % of 4-5 answers on 1..5';
CREATE AGGREGATE @extschema@.csat(double precision, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..5 n={0,0,0,0,0} w={0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.csat, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..5 n={0,0,0,0,0} w={0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.csat(double precision, double precision) IS 'weighted customer satisfaction: % of 4-5 answers on 1..5';
CREATE AGGREGATE @extschema@.nps_agg(double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0}',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0}', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps_agg(double precision) IS 'summary of 0-10 recommend answers';
CREATE AGGREGATE @extschema@.nps_agg(double precision, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0} w={0,0,0,0,0,0,0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0} w={0,0,0,0,0,0,0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps_agg(double precision, double precision) IS 'weighted summary of 0-10 recommend answers';
CREATE AGGREGATE @extschema@.effort_agg(double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..7 n={0,0,0,0,0,0,0}',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..7 n={0,0,0,0,0,0,0}', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.effort_agg(double precision) IS 'summary of 1-7 effort answers';
CREATE AGGREGATE @extschema@.effort_agg(double precision, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..7 n={0,0,0,0,0,0,0} w={0,0,0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..7 n={0,0,0,0,0,0,0} w={0,0,0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.effort_agg(double precision, double precision) IS 'weighted summary of 1-7 effort answers';
CREATE AGGREGATE @extschema@.csat_agg(double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..5 n={0,0,0,0,0}',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..5 n={0,0,0,0,0}', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.csat_agg(double precision) IS 'summary of 1-5 satisfaction answers';
CREATE AGGREGATE @extschema@.csat_agg(double precision, double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = 'scale=1..5 n={0,0,0,0,0} w={0,0,0,0,0} w2=0',
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = 'scale=1..5 n={0,0,0,0,0} w={0,0,0,0,0} w2=0', MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.csat_agg(double precision, double precision) IS 'weighted summary of 1-5 satisfaction answers';

CREATE AGGREGATE @extschema@.rollup(@extschema@.ratings) (
    SFUNC = @extschema@.ratings_rollup_trans, STYPE = @extschema@.ratings,
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_rollup_trans, MINVFUNC = @extschema@.ratings_rollup_inv,
    MSTYPE = @extschema@.ratings, MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.ratings) IS
    'sum of stored summaries on one scale (different scales are an error)';
-- ---------------------------------------------------------------------
-- Statistical inference on ratings summaries (SPEC 4.2)
-- ---------------------------------------------------------------------

CREATE FUNCTION @extschema@.effective_responses(@extschema@.ratings) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_effective_responses' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.effective_responses(@extschema@.ratings) IS
    'Kish effective sample size (sum w)^2 / sum w^2; the number of responses when unweighted';

CREATE FUNCTION @extschema@.nps_moe(@extschema@.ratings, confidence double precision DEFAULT 0.95)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_nps_moe' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_moe(@extschema@.ratings, double precision) IS
    'Wald margin of error of the NPS in points: z * sqrt(Var / n) * 100';

CREATE FUNCTION @extschema@.nps_lower(@extschema@.ratings, confidence double precision DEFAULT 0.95,
                                      method text DEFAULT 'adjusted_wald')
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_nps_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_lower(@extschema@.ratings, double precision, text) IS
    'lower end of the NPS confidence interval; method wald or adjusted_wald (Rocks 2016)';
CREATE FUNCTION @extschema@.nps_upper(@extschema@.ratings, confidence double precision DEFAULT 0.95,
                                      method text DEFAULT 'adjusted_wald')
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_nps_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_upper(@extschema@.ratings, double precision, text) IS
    'upper end of the NPS confidence interval; method wald or adjusted_wald (Rocks 2016)';

CREATE FUNCTION @extschema@.nps_test(a @extschema@.ratings, b @extschema@.ratings) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_nps_test2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_test(@extschema@.ratings, @extschema@.ratings) IS
    'two-sided p-value that two NPS differ (z-test, SE = sqrt(Va/na + Vb/nb))';
CREATE FUNCTION @extschema@.nps_test(r @extschema@.ratings, benchmark double precision,
                                     alternative text DEFAULT 'two-sided')
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_nps_test1' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_test(@extschema@.ratings, double precision, text) IS
    'p-value of the NPS against a benchmark NPS; alternative two-sided, greater or less';

CREATE FUNCTION @extschema@.mean_lower(@extschema@.ratings, confidence double precision DEFAULT 0.95)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_mean_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean_lower(@extschema@.ratings, double precision) IS
    'lower end of the Student-t confidence interval of the mean';
CREATE FUNCTION @extschema@.mean_upper(@extschema@.ratings, confidence double precision DEFAULT 0.95)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_mean_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean_upper(@extschema@.ratings, double precision) IS
    'upper end of the Student-t confidence interval of the mean';
CREATE FUNCTION @extschema@.mean_test(a @extschema@.ratings, b @extschema@.ratings) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_mean_test' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean_test(@extschema@.ratings, @extschema@.ratings) IS
    'two-sided p-value of Welch''s t-test that two means differ';

CREATE FUNCTION @extschema@.top_box_lower(@extschema@.ratings, boxes integer DEFAULT 2,
                                          confidence double precision DEFAULT 0.95)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_top_box_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.top_box_lower(@extschema@.ratings, integer, double precision) IS
    'lower end of the Wilson score interval of the top-box share, %';
CREATE FUNCTION @extschema@.top_box_upper(@extschema@.ratings, boxes integer DEFAULT 2,
                                          confidence double precision DEFAULT 0.95)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_top_box_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.top_box_upper(@extschema@.ratings, integer, double precision) IS
    'upper end of the Wilson score interval of the top-box share, %';
CREATE FUNCTION @extschema@.top_box_test(a @extschema@.ratings, b @extschema@.ratings, boxes integer DEFAULT 2)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_top_box_test' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.top_box_test(@extschema@.ratings, @extschema@.ratings, integer) IS
    'two-sided p-value of the pooled two-proportion z-test that two top-box shares differ';
-- ---------------------------------------------------------------------
-- NPS trend aggregates (SPEC 4.2)
-- ---------------------------------------------------------------------

CREATE FUNCTION @extschema@.nps_trend_combine(double precision[], double precision[])
    RETURNS double precision[]
    AS 'MODULE_PATHNAME', 'nps_trend_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_trend_combine(double precision[], double precision[]) IS
    'combine function of nps_trend and nps_trend_p';
CREATE FUNCTION @extschema@.nps_trend_final(double precision[]) RETURNS double precision
    AS 'MODULE_PATHNAME', 'nps_trend_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_trend_final(double precision[]) IS
    'final function of nps_trend: the least-squares slope in NPS points per 30 days';
CREATE FUNCTION @extschema@.nps_trend_p_final(double precision[]) RETURNS double precision
    AS 'MODULE_PATHNAME', 'nps_trend_p_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_trend_p_final(double precision[]) IS
    'final function of nps_trend_p: two-sided p-value of the slope (t, n - 2 df)';

-- For each score type:
CREATE FUNCTION @extschema@.nps_trend_trans(double precision[], timestamp with time zone, smallint)
    RETURNS double precision[]
    AS 'MODULE_PATHNAME', 'nps_trend_trans_int2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_trend_trans(double precision[], timestamp with time zone, smallint) IS
    'transition function of nps_trend and nps_trend_p';
CREATE AGGREGATE @extschema@.nps_trend(at timestamp with time zone, score smallint) (
    SFUNC = @extschema@.nps_trend_trans, STYPE = double precision[],
    INITCOND = '{0,0,0,0,0,0}', FINALFUNC = @extschema@.nps_trend_final,
    COMBINEFUNC = @extschema@.nps_trend_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps_trend(timestamp with time zone, smallint) IS
    'least-squares slope of the NPS in points per 30 days (each answer +100, 0 or -100)';
CREATE AGGREGATE @extschema@.nps_trend_p(at timestamp with time zone, score smallint) (
    SFUNC = @extschema@.nps_trend_trans, STYPE = double precision[],
    INITCOND = '{0,0,0,0,0,0}', FINALFUNC = @extschema@.nps_trend_p_final,
    COMBINEFUNC = @extschema@.nps_trend_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps_trend_p(timestamp with time zone, smallint) IS
    'two-sided p-value that the NPS trend slope is not zero (t with n - 2 df)';
CREATE FUNCTION @extschema@.nps_trend_trans(double precision[], timestamp with time zone, integer)
    RETURNS double precision[]
    AS 'MODULE_PATHNAME', 'nps_trend_trans_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_trend_trans(double precision[], timestamp with time zone, integer) IS
    'transition function of nps_trend and nps_trend_p';
CREATE AGGREGATE @extschema@.nps_trend(at timestamp with time zone, score integer) (
    SFUNC = @extschema@.nps_trend_trans, STYPE = double precision[],
    INITCOND = '{0,0,0,0,0,0}', FINALFUNC = @extschema@.nps_trend_final,
    COMBINEFUNC = @extschema@.nps_trend_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps_trend(timestamp with time zone, integer) IS
    'least-squares slope of the NPS in points per 30 days (each answer +100, 0 or -100)';
CREATE AGGREGATE @extschema@.nps_trend_p(at timestamp with time zone, score integer) (
    SFUNC = @extschema@.nps_trend_trans, STYPE = double precision[],
    INITCOND = '{0,0,0,0,0,0}', FINALFUNC = @extschema@.nps_trend_p_final,
    COMBINEFUNC = @extschema@.nps_trend_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps_trend_p(timestamp with time zone, integer) IS
    'two-sided p-value that the NPS trend slope is not zero (t with n - 2 df)';
CREATE FUNCTION @extschema@.nps_trend_trans(double precision[], timestamp with time zone, bigint)
    RETURNS double precision[]
    AS 'MODULE_PATHNAME', 'nps_trend_trans_int8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_trend_trans(double precision[], timestamp with time zone, bigint) IS
    'transition function of nps_trend and nps_trend_p';
CREATE AGGREGATE @extschema@.nps_trend(at timestamp with time zone, score bigint) (
    SFUNC = @extschema@.nps_trend_trans, STYPE = double precision[],
    INITCOND = '{0,0,0,0,0,0}', FINALFUNC = @extschema@.nps_trend_final,
    COMBINEFUNC = @extschema@.nps_trend_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps_trend(timestamp with time zone, bigint) IS
    'least-squares slope of the NPS in points per 30 days (each answer +100, 0 or -100)';
CREATE AGGREGATE @extschema@.nps_trend_p(at timestamp with time zone, score bigint) (
    SFUNC = @extschema@.nps_trend_trans, STYPE = double precision[],
    INITCOND = '{0,0,0,0,0,0}', FINALFUNC = @extschema@.nps_trend_p_final,
    COMBINEFUNC = @extschema@.nps_trend_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps_trend_p(timestamp with time zone, bigint) IS
    'two-sided p-value that the NPS trend slope is not zero (t with n - 2 df)';
CREATE FUNCTION @extschema@.nps_trend_trans(double precision[], timestamp with time zone, numeric)
    RETURNS double precision[]
    AS 'MODULE_PATHNAME', 'nps_trend_trans_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_trend_trans(double precision[], timestamp with time zone, numeric) IS
    'transition function of nps_trend and nps_trend_p';
CREATE AGGREGATE @extschema@.nps_trend(at timestamp with time zone, score numeric) (
    SFUNC = @extschema@.nps_trend_trans, STYPE = double precision[],
    INITCOND = '{0,0,0,0,0,0}', FINALFUNC = @extschema@.nps_trend_final,
    COMBINEFUNC = @extschema@.nps_trend_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps_trend(timestamp with time zone, numeric) IS
    'least-squares slope of the NPS in points per 30 days (each answer +100, 0 or -100)';
CREATE AGGREGATE @extschema@.nps_trend_p(at timestamp with time zone, score numeric) (
    SFUNC = @extschema@.nps_trend_trans, STYPE = double precision[],
    INITCOND = '{0,0,0,0,0,0}', FINALFUNC = @extschema@.nps_trend_p_final,
    COMBINEFUNC = @extschema@.nps_trend_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps_trend_p(timestamp with time zone, numeric) IS
    'two-sided p-value that the NPS trend slope is not zero (t with n - 2 df)';
CREATE FUNCTION @extschema@.nps_trend_trans(double precision[], timestamp with time zone, double precision)
    RETURNS double precision[]
    AS 'MODULE_PATHNAME', 'nps_trend_trans_float8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_trend_trans(double precision[], timestamp with time zone, double precision) IS
    'transition function of nps_trend and nps_trend_p';
CREATE AGGREGATE @extschema@.nps_trend(at timestamp with time zone, score double precision) (
    SFUNC = @extschema@.nps_trend_trans, STYPE = double precision[],
    INITCOND = '{0,0,0,0,0,0}', FINALFUNC = @extschema@.nps_trend_final,
    COMBINEFUNC = @extschema@.nps_trend_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps_trend(timestamp with time zone, double precision) IS
    'least-squares slope of the NPS in points per 30 days (each answer +100, 0 or -100)';
CREATE AGGREGATE @extschema@.nps_trend_p(at timestamp with time zone, score double precision) (
    SFUNC = @extschema@.nps_trend_trans, STYPE = double precision[],
    INITCOND = '{0,0,0,0,0,0}', FINALFUNC = @extschema@.nps_trend_p_final,
    COMBINEFUNC = @extschema@.nps_trend_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps_trend_p(timestamp with time zone, double precision) IS
    'two-sided p-value that the NPS trend slope is not zero (t with n - 2 df)';
-- ---------------------------------------------------------------------
-- Touchpoint correlation: the rating_pairs type (SPEC 4.3)
-- ---------------------------------------------------------------------

CREATE TYPE @extschema@.rating_pairs;
CREATE FUNCTION @extschema@.rating_pairs_in(cstring) RETURNS @extschema@.rating_pairs
    AS 'MODULE_PATHNAME', 'rating_pairs_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.rating_pairs_out(@extschema@.rating_pairs) RETURNS cstring
    AS 'MODULE_PATHNAME', 'rating_pairs_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.rating_pairs_recv(internal) RETURNS @extschema@.rating_pairs
    AS 'MODULE_PATHNAME', 'rating_pairs_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.rating_pairs_send(@extschema@.rating_pairs) RETURNS bytea
    AS 'MODULE_PATHNAME', 'rating_pairs_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.rating_pairs (
    INPUT = @extschema@.rating_pairs_in, OUTPUT = @extschema@.rating_pairs_out,
    RECEIVE = @extschema@.rating_pairs_recv, SEND = @extschema@.rating_pairs_send,
    INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = extended);
COMMENT ON TYPE @extschema@.rating_pairs IS
    'joint distribution of two integer answers: an exact count per (x, y) cell, at most 101 distinct values per axis';

CREATE FUNCTION @extschema@.rating_pairs_to_jsonb(@extschema@.rating_pairs) RETURNS jsonb
    AS 'MODULE_PATHNAME', 'rating_pairs_to_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rating_pairs_to_jsonb(@extschema@.rating_pairs) IS
    'the table as jsonb: responses, x values, y values, counts per x row';
CREATE CAST (@extschema@.rating_pairs AS jsonb) WITH FUNCTION @extschema@.rating_pairs_to_jsonb(@extschema@.rating_pairs);

-- Coefficients and tests
CREATE FUNCTION @extschema@.responses(@extschema@.rating_pairs) RETURNS bigint
    AS 'MODULE_PATHNAME', 'rating_pairs_responses' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.responses(@extschema@.rating_pairs) IS 'number of (x, y) pairs counted';
CREATE FUNCTION @extschema@.pearson(@extschema@.rating_pairs) RETURNS double precision
    AS 'MODULE_PATHNAME', 'rating_pairs_pearson' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pearson(@extschema@.rating_pairs) IS 'Pearson correlation of x and y';
CREATE FUNCTION @extschema@.spearman(@extschema@.rating_pairs) RETURNS double precision
    AS 'MODULE_PATHNAME', 'rating_pairs_spearman' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.spearman(@extschema@.rating_pairs) IS
    'Spearman''s rho: Pearson correlation of mid-ranks, from the margins';
CREATE FUNCTION @extschema@.kendall_tau(@extschema@.rating_pairs) RETURNS double precision
    AS 'MODULE_PATHNAME', 'rating_pairs_kendall_tau' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.kendall_tau(@extschema@.rating_pairs) IS 'Kendall''s tau-b';
CREATE FUNCTION @extschema@.goodman_gamma(@extschema@.rating_pairs) RETURNS double precision
    AS 'MODULE_PATHNAME', 'rating_pairs_goodman_gamma' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.goodman_gamma(@extschema@.rating_pairs) IS
    'Goodman and Kruskal''s gamma: (concordant - discordant) / (concordant + discordant)';
CREATE FUNCTION @extschema@.pearson_p(@extschema@.rating_pairs) RETURNS double precision
    AS 'MODULE_PATHNAME', 'rating_pairs_pearson_p' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pearson_p(@extschema@.rating_pairs) IS
    'two-sided p-value of Pearson''s r (t with n - 2 df)';
CREATE FUNCTION @extschema@.spearman_p(@extschema@.rating_pairs) RETURNS double precision
    AS 'MODULE_PATHNAME', 'rating_pairs_spearman_p' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.spearman_p(@extschema@.rating_pairs) IS
    'two-sided p-value of Spearman''s rho (t with n - 2 df)';
CREATE FUNCTION @extschema@.kendall_p(@extschema@.rating_pairs) RETURNS double precision
    AS 'MODULE_PATHNAME', 'rating_pairs_kendall_p' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.kendall_p(@extschema@.rating_pairs) IS
    'two-sided p-value of tau-b, tie-corrected normal approximation';
CREATE FUNCTION @extschema@.spearman_lower(@extschema@.rating_pairs, confidence double precision DEFAULT 0.95)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'rating_pairs_spearman_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.spearman_lower(@extschema@.rating_pairs, double precision) IS
    'lower end of the Fisher-z interval of Spearman''s rho (SE 1 / sqrt(n - 3))';
CREATE FUNCTION @extschema@.spearman_upper(@extschema@.rating_pairs, confidence double precision DEFAULT 0.95)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'rating_pairs_spearman_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.spearman_upper(@extschema@.rating_pairs, double precision) IS
    'upper end of the Fisher-z interval of Spearman''s rho (SE 1 / sqrt(n - 3))';
CREATE FUNCTION @extschema@.cramers_v(@extschema@.rating_pairs) RETURNS double precision
    AS 'MODULE_PATHNAME', 'rating_pairs_cramers_v' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cramers_v(@extschema@.rating_pairs) IS
    'Cramer''s V of x and y as categories (non-empty rows and columns)';
CREATE FUNCTION @extschema@.chi_square_p(@extschema@.rating_pairs) RETURNS double precision
    AS 'MODULE_PATHNAME', 'rating_pairs_chi_square_p' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.chi_square_p(@extschema@.rating_pairs) IS
    'p-value of the chi-square test of independence, without continuity correction';
CREATE FUNCTION @extschema@.x_ratings(@extschema@.rating_pairs, lo integer, hi integer) RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'rating_pairs_x_ratings' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.x_ratings(@extschema@.rating_pairs, integer, integer) IS
    'the x margin as a ratings summary on lo..hi';
CREATE FUNCTION @extschema@.y_ratings(@extschema@.rating_pairs, lo integer, hi integer) RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'rating_pairs_y_ratings' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.y_ratings(@extschema@.rating_pairs, integer, integer) IS
    'the y margin as a ratings summary on lo..hi, so nps(y_ratings(p, 0, 10)) works';

-- Aggregate support
CREATE FUNCTION @extschema@.rating_pairs_final(@extschema@.rating_pairs) RETURNS @extschema@.rating_pairs
    AS 'MODULE_PATHNAME', 'rating_pairs_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rating_pairs_final(@extschema@.rating_pairs) IS
    'final function of the rating_pairs aggregates: NULL when empty, values without counts dropped';
CREATE FUNCTION @extschema@.rating_pairs_combine(@extschema@.rating_pairs, @extschema@.rating_pairs)
    RETURNS @extschema@.rating_pairs
    AS 'MODULE_PATHNAME', 'rating_pairs_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rating_pairs_combine(@extschema@.rating_pairs, @extschema@.rating_pairs) IS
    'combine function of the rating_pairs aggregates';
CREATE FUNCTION @extschema@.rating_pairs_rollup_trans(@extschema@.rating_pairs, @extschema@.rating_pairs)
    RETURNS @extschema@.rating_pairs
    AS 'MODULE_PATHNAME', 'rating_pairs_rollup_trans' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rating_pairs_rollup_trans(@extschema@.rating_pairs, @extschema@.rating_pairs) IS
    'transition function of rollup(rating_pairs)';
CREATE FUNCTION @extschema@.rating_pairs_rollup_inv(@extschema@.rating_pairs, @extschema@.rating_pairs)
    RETURNS @extschema@.rating_pairs
    AS 'MODULE_PATHNAME', 'rating_pairs_rollup_inv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rating_pairs_rollup_inv(@extschema@.rating_pairs, @extschema@.rating_pairs) IS
    'inverse transition function of rollup(rating_pairs)';

-- For each score type:
CREATE FUNCTION @extschema@.rating_pairs_trans(@extschema@.rating_pairs, smallint, smallint)
    RETURNS @extschema@.rating_pairs
    AS 'MODULE_PATHNAME', 'rating_pairs_trans_int2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rating_pairs_trans(@extschema@.rating_pairs, smallint, smallint) IS
    'transition function of the rating_pairs aggregates';
CREATE FUNCTION @extschema@.rating_pairs_inv(@extschema@.rating_pairs, smallint, smallint)
    RETURNS @extschema@.rating_pairs
    AS 'MODULE_PATHNAME', 'rating_pairs_inv_int2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rating_pairs_inv(@extschema@.rating_pairs, smallint, smallint) IS
    'inverse transition function of the rating_pairs aggregates';

CREATE AGGREGATE @extschema@.rating_pairs_agg(x smallint, y smallint) (
    SFUNC = @extschema@.rating_pairs_trans, STYPE = @extschema@.rating_pairs,
    FINALFUNC = @extschema@.rating_pairs_final, COMBINEFUNC = @extschema@.rating_pairs_combine,
    MSFUNC = @extschema@.rating_pairs_trans, MINVFUNC = @extschema@.rating_pairs_inv,
    MSTYPE = @extschema@.rating_pairs, MFINALFUNC = @extschema@.rating_pairs_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rating_pairs_agg(smallint, smallint) IS 'joint count table of (x, y) answers';
CREATE AGGREGATE @extschema@.spearman(x smallint, y smallint) (
    SFUNC = @extschema@.rating_pairs_trans, STYPE = @extschema@.rating_pairs,
    FINALFUNC = @extschema@.spearman, COMBINEFUNC = @extschema@.rating_pairs_combine,
    MSFUNC = @extschema@.rating_pairs_trans, MINVFUNC = @extschema@.rating_pairs_inv,
    MSTYPE = @extschema@.rating_pairs, MFINALFUNC = @extschema@.spearman,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.spearman(smallint, smallint) IS 'Spearman''s rho of x and y, from their joint count table';
CREATE AGGREGATE @extschema@.kendall_tau(x smallint, y smallint) (
    SFUNC = @extschema@.rating_pairs_trans, STYPE = @extschema@.rating_pairs,
    FINALFUNC = @extschema@.kendall_tau, COMBINEFUNC = @extschema@.rating_pairs_combine,
    MSFUNC = @extschema@.rating_pairs_trans, MINVFUNC = @extschema@.rating_pairs_inv,
    MSTYPE = @extschema@.rating_pairs, MFINALFUNC = @extschema@.kendall_tau,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.kendall_tau(smallint, smallint) IS 'Kendall''s tau-b of x and y, from their joint count table';
CREATE FUNCTION @extschema@.rating_pairs_trans(@extschema@.rating_pairs, integer, integer)
    RETURNS @extschema@.rating_pairs
    AS 'MODULE_PATHNAME', 'rating_pairs_trans_int4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rating_pairs_trans(@extschema@.rating_pairs, integer, integer) IS
    'transition function of the rating_pairs aggregates';
CREATE FUNCTION @extschema@.rating_pairs_inv(@extschema@.rating_pairs, integer, integer)
    RETURNS @extschema@.rating_pairs
    AS 'MODULE_PATHNAME', 'rating_pairs_inv_int4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rating_pairs_inv(@extschema@.rating_pairs, integer, integer) IS
    'inverse transition function of the rating_pairs aggregates';

CREATE AGGREGATE @extschema@.rating_pairs_agg(x integer, y integer) (
    SFUNC = @extschema@.rating_pairs_trans, STYPE = @extschema@.rating_pairs,
    FINALFUNC = @extschema@.rating_pairs_final, COMBINEFUNC = @extschema@.rating_pairs_combine,
    MSFUNC = @extschema@.rating_pairs_trans, MINVFUNC = @extschema@.rating_pairs_inv,
    MSTYPE = @extschema@.rating_pairs, MFINALFUNC = @extschema@.rating_pairs_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rating_pairs_agg(integer, integer) IS 'joint count table of (x, y) answers';
CREATE AGGREGATE @extschema@.spearman(x integer, y integer) (
    SFUNC = @extschema@.rating_pairs_trans, STYPE = @extschema@.rating_pairs,
    FINALFUNC = @extschema@.spearman, COMBINEFUNC = @extschema@.rating_pairs_combine,
    MSFUNC = @extschema@.rating_pairs_trans, MINVFUNC = @extschema@.rating_pairs_inv,
    MSTYPE = @extschema@.rating_pairs, MFINALFUNC = @extschema@.spearman,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.spearman(integer, integer) IS 'Spearman''s rho of x and y, from their joint count table';
CREATE AGGREGATE @extschema@.kendall_tau(x integer, y integer) (
    SFUNC = @extschema@.rating_pairs_trans, STYPE = @extschema@.rating_pairs,
    FINALFUNC = @extschema@.kendall_tau, COMBINEFUNC = @extschema@.rating_pairs_combine,
    MSFUNC = @extschema@.rating_pairs_trans, MINVFUNC = @extschema@.rating_pairs_inv,
    MSTYPE = @extschema@.rating_pairs, MFINALFUNC = @extschema@.kendall_tau,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.kendall_tau(integer, integer) IS 'Kendall''s tau-b of x and y, from their joint count table';
CREATE FUNCTION @extschema@.rating_pairs_trans(@extschema@.rating_pairs, bigint, bigint)
    RETURNS @extschema@.rating_pairs
    AS 'MODULE_PATHNAME', 'rating_pairs_trans_int8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rating_pairs_trans(@extschema@.rating_pairs, bigint, bigint) IS
    'transition function of the rating_pairs aggregates';
CREATE FUNCTION @extschema@.rating_pairs_inv(@extschema@.rating_pairs, bigint, bigint)
    RETURNS @extschema@.rating_pairs
    AS 'MODULE_PATHNAME', 'rating_pairs_inv_int8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rating_pairs_inv(@extschema@.rating_pairs, bigint, bigint) IS
    'inverse transition function of the rating_pairs aggregates';

CREATE AGGREGATE @extschema@.rating_pairs_agg(x bigint, y bigint) (
    SFUNC = @extschema@.rating_pairs_trans, STYPE = @extschema@.rating_pairs,
    FINALFUNC = @extschema@.rating_pairs_final, COMBINEFUNC = @extschema@.rating_pairs_combine,
    MSFUNC = @extschema@.rating_pairs_trans, MINVFUNC = @extschema@.rating_pairs_inv,
    MSTYPE = @extschema@.rating_pairs, MFINALFUNC = @extschema@.rating_pairs_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rating_pairs_agg(bigint, bigint) IS 'joint count table of (x, y) answers';
CREATE AGGREGATE @extschema@.spearman(x bigint, y bigint) (
    SFUNC = @extschema@.rating_pairs_trans, STYPE = @extschema@.rating_pairs,
    FINALFUNC = @extschema@.spearman, COMBINEFUNC = @extschema@.rating_pairs_combine,
    MSFUNC = @extschema@.rating_pairs_trans, MINVFUNC = @extschema@.rating_pairs_inv,
    MSTYPE = @extschema@.rating_pairs, MFINALFUNC = @extschema@.spearman,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.spearman(bigint, bigint) IS 'Spearman''s rho of x and y, from their joint count table';
CREATE AGGREGATE @extschema@.kendall_tau(x bigint, y bigint) (
    SFUNC = @extschema@.rating_pairs_trans, STYPE = @extschema@.rating_pairs,
    FINALFUNC = @extschema@.kendall_tau, COMBINEFUNC = @extschema@.rating_pairs_combine,
    MSFUNC = @extschema@.rating_pairs_trans, MINVFUNC = @extschema@.rating_pairs_inv,
    MSTYPE = @extschema@.rating_pairs, MFINALFUNC = @extschema@.kendall_tau,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.kendall_tau(bigint, bigint) IS 'Kendall''s tau-b of x and y, from their joint count table';
CREATE FUNCTION @extschema@.rating_pairs_trans(@extschema@.rating_pairs, numeric, numeric)
    RETURNS @extschema@.rating_pairs
    AS 'MODULE_PATHNAME', 'rating_pairs_trans_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rating_pairs_trans(@extschema@.rating_pairs, numeric, numeric) IS
    'transition function of the rating_pairs aggregates';
CREATE FUNCTION @extschema@.rating_pairs_inv(@extschema@.rating_pairs, numeric, numeric)
    RETURNS @extschema@.rating_pairs
    AS 'MODULE_PATHNAME', 'rating_pairs_inv_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rating_pairs_inv(@extschema@.rating_pairs, numeric, numeric) IS
    'inverse transition function of the rating_pairs aggregates';

CREATE AGGREGATE @extschema@.rating_pairs_agg(x numeric, y numeric) (
    SFUNC = @extschema@.rating_pairs_trans, STYPE = @extschema@.rating_pairs,
    FINALFUNC = @extschema@.rating_pairs_final, COMBINEFUNC = @extschema@.rating_pairs_combine,
    MSFUNC = @extschema@.rating_pairs_trans, MINVFUNC = @extschema@.rating_pairs_inv,
    MSTYPE = @extschema@.rating_pairs, MFINALFUNC = @extschema@.rating_pairs_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rating_pairs_agg(numeric, numeric) IS 'joint count table of (x, y) answers';
CREATE AGGREGATE @extschema@.spearman(x numeric, y numeric) (
    SFUNC = @extschema@.rating_pairs_trans, STYPE = @extschema@.rating_pairs,
    FINALFUNC = @extschema@.spearman, COMBINEFUNC = @extschema@.rating_pairs_combine,
    MSFUNC = @extschema@.rating_pairs_trans, MINVFUNC = @extschema@.rating_pairs_inv,
    MSTYPE = @extschema@.rating_pairs, MFINALFUNC = @extschema@.spearman,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.spearman(numeric, numeric) IS 'Spearman''s rho of x and y, from their joint count table';
CREATE AGGREGATE @extschema@.kendall_tau(x numeric, y numeric) (
    SFUNC = @extschema@.rating_pairs_trans, STYPE = @extschema@.rating_pairs,
    FINALFUNC = @extschema@.kendall_tau, COMBINEFUNC = @extschema@.rating_pairs_combine,
    MSFUNC = @extschema@.rating_pairs_trans, MINVFUNC = @extschema@.rating_pairs_inv,
    MSTYPE = @extschema@.rating_pairs, MFINALFUNC = @extschema@.kendall_tau,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.kendall_tau(numeric, numeric) IS 'Kendall''s tau-b of x and y, from their joint count table';
CREATE FUNCTION @extschema@.rating_pairs_trans(@extschema@.rating_pairs, double precision, double precision)
    RETURNS @extschema@.rating_pairs
    AS 'MODULE_PATHNAME', 'rating_pairs_trans_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rating_pairs_trans(@extschema@.rating_pairs, double precision, double precision) IS
    'transition function of the rating_pairs aggregates';
CREATE FUNCTION @extschema@.rating_pairs_inv(@extschema@.rating_pairs, double precision, double precision)
    RETURNS @extschema@.rating_pairs
    AS 'MODULE_PATHNAME', 'rating_pairs_inv_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rating_pairs_inv(@extschema@.rating_pairs, double precision, double precision) IS
    'inverse transition function of the rating_pairs aggregates';

CREATE AGGREGATE @extschema@.rating_pairs_agg(x double precision, y double precision) (
    SFUNC = @extschema@.rating_pairs_trans, STYPE = @extschema@.rating_pairs,
    FINALFUNC = @extschema@.rating_pairs_final, COMBINEFUNC = @extschema@.rating_pairs_combine,
    MSFUNC = @extschema@.rating_pairs_trans, MINVFUNC = @extschema@.rating_pairs_inv,
    MSTYPE = @extschema@.rating_pairs, MFINALFUNC = @extschema@.rating_pairs_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rating_pairs_agg(double precision, double precision) IS 'joint count table of (x, y) answers';
CREATE AGGREGATE @extschema@.spearman(x double precision, y double precision) (
    SFUNC = @extschema@.rating_pairs_trans, STYPE = @extschema@.rating_pairs,
    FINALFUNC = @extschema@.spearman, COMBINEFUNC = @extschema@.rating_pairs_combine,
    MSFUNC = @extschema@.rating_pairs_trans, MINVFUNC = @extschema@.rating_pairs_inv,
    MSTYPE = @extschema@.rating_pairs, MFINALFUNC = @extschema@.spearman,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.spearman(double precision, double precision) IS 'Spearman''s rho of x and y, from their joint count table';
CREATE AGGREGATE @extschema@.kendall_tau(x double precision, y double precision) (
    SFUNC = @extschema@.rating_pairs_trans, STYPE = @extschema@.rating_pairs,
    FINALFUNC = @extschema@.kendall_tau, COMBINEFUNC = @extschema@.rating_pairs_combine,
    MSFUNC = @extschema@.rating_pairs_trans, MINVFUNC = @extschema@.rating_pairs_inv,
    MSTYPE = @extschema@.rating_pairs, MFINALFUNC = @extschema@.kendall_tau,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.kendall_tau(double precision, double precision) IS 'Kendall''s tau-b of x and y, from their joint count table';

CREATE AGGREGATE @extschema@.rollup(@extschema@.rating_pairs) (
    SFUNC = @extschema@.rating_pairs_rollup_trans, STYPE = @extschema@.rating_pairs,
    FINALFUNC = @extschema@.rating_pairs_final, COMBINEFUNC = @extschema@.rating_pairs_combine,
    MSFUNC = @extschema@.rating_pairs_rollup_trans, MINVFUNC = @extschema@.rating_pairs_rollup_inv,
    MSTYPE = @extschema@.rating_pairs, MFINALFUNC = @extschema@.rating_pairs_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.rating_pairs) IS 'sum of stored rating_pairs tables';
-- ---------------------------------------------------------------------
-- Loyalty segmentation (SPEC 4.5)
-- ---------------------------------------------------------------------

CREATE TYPE @extschema@.nps_category AS ENUM ('detractor', 'passive', 'promoter');
COMMENT ON TYPE @extschema@.nps_category IS
    'NPS group of a 0-10 answer: detractor (0-6), passive (7-8), promoter (9-10)';

CREATE TYPE @extschema@.loyalty_segment AS ENUM ('loyalist', 'mercenary', 'hostage', 'defector');
COMMENT ON TYPE @extschema@.loyalty_segment IS
    'Jones & Sasser satisfaction x loyalty matrix: loyalist (satisfied, loyal), mercenary (satisfied, not loyal), hostage (dissatisfied, loyal), defector (dissatisfied, not loyal)';

-- For each score type:
CREATE FUNCTION @extschema@.nps_category(score smallint) RETURNS @extschema@.nps_category
    AS 'MODULE_PATHNAME', 'nps_category_int2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_category(smallint) IS
    'NPS category of a 0-10 answer: detractor 0-6, passive 7-8, promoter 9-10';
CREATE FUNCTION @extschema@.loyalty_segment(satisfaction smallint, recommend smallint)
    RETURNS @extschema@.loyalty_segment
    AS 'MODULE_PATHNAME', 'loyalty_segment_int2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyalty_segment(smallint, smallint) IS
    'loyalty segment from a 1-5 satisfaction answer (satisfied: 4-5) and a 0-10 recommend answer (loyal: 9-10)';
CREATE FUNCTION @extschema@.loyalty_index(recommend smallint, repurchase smallint, cross_buy smallint)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'loyalty_index_int2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyalty_index(smallint, smallint, smallint) IS
    'customer loyalty index 0-100: 10 x the mean of the non-NULL 0-10 answers';
CREATE FUNCTION @extschema@.nps_category(score integer) RETURNS @extschema@.nps_category
    AS 'MODULE_PATHNAME', 'nps_category_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_category(integer) IS
    'NPS category of a 0-10 answer: detractor 0-6, passive 7-8, promoter 9-10';
CREATE FUNCTION @extschema@.loyalty_segment(satisfaction integer, recommend integer)
    RETURNS @extschema@.loyalty_segment
    AS 'MODULE_PATHNAME', 'loyalty_segment_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyalty_segment(integer, integer) IS
    'loyalty segment from a 1-5 satisfaction answer (satisfied: 4-5) and a 0-10 recommend answer (loyal: 9-10)';
CREATE FUNCTION @extschema@.loyalty_index(recommend integer, repurchase integer, cross_buy integer)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'loyalty_index_int4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyalty_index(integer, integer, integer) IS
    'customer loyalty index 0-100: 10 x the mean of the non-NULL 0-10 answers';
CREATE FUNCTION @extschema@.nps_category(score bigint) RETURNS @extschema@.nps_category
    AS 'MODULE_PATHNAME', 'nps_category_int8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_category(bigint) IS
    'NPS category of a 0-10 answer: detractor 0-6, passive 7-8, promoter 9-10';
CREATE FUNCTION @extschema@.loyalty_segment(satisfaction bigint, recommend bigint)
    RETURNS @extschema@.loyalty_segment
    AS 'MODULE_PATHNAME', 'loyalty_segment_int8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyalty_segment(bigint, bigint) IS
    'loyalty segment from a 1-5 satisfaction answer (satisfied: 4-5) and a 0-10 recommend answer (loyal: 9-10)';
CREATE FUNCTION @extschema@.loyalty_index(recommend bigint, repurchase bigint, cross_buy bigint)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'loyalty_index_int8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyalty_index(bigint, bigint, bigint) IS
    'customer loyalty index 0-100: 10 x the mean of the non-NULL 0-10 answers';
CREATE FUNCTION @extschema@.nps_category(score numeric) RETURNS @extschema@.nps_category
    AS 'MODULE_PATHNAME', 'nps_category_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_category(numeric) IS
    'NPS category of a 0-10 answer: detractor 0-6, passive 7-8, promoter 9-10';
CREATE FUNCTION @extschema@.loyalty_segment(satisfaction numeric, recommend numeric)
    RETURNS @extschema@.loyalty_segment
    AS 'MODULE_PATHNAME', 'loyalty_segment_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyalty_segment(numeric, numeric) IS
    'loyalty segment from a 1-5 satisfaction answer (satisfied: 4-5) and a 0-10 recommend answer (loyal: 9-10)';
CREATE FUNCTION @extschema@.loyalty_index(recommend numeric, repurchase numeric, cross_buy numeric)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'loyalty_index_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyalty_index(numeric, numeric, numeric) IS
    'customer loyalty index 0-100: 10 x the mean of the non-NULL 0-10 answers';
CREATE FUNCTION @extschema@.nps_category(score double precision) RETURNS @extschema@.nps_category
    AS 'MODULE_PATHNAME', 'nps_category_float8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_category(double precision) IS
    'NPS category of a 0-10 answer: detractor 0-6, passive 7-8, promoter 9-10';
CREATE FUNCTION @extschema@.loyalty_segment(satisfaction double precision, recommend double precision)
    RETURNS @extschema@.loyalty_segment
    AS 'MODULE_PATHNAME', 'loyalty_segment_float8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyalty_segment(double precision, double precision) IS
    'loyalty segment from a 1-5 satisfaction answer (satisfied: 4-5) and a 0-10 recommend answer (loyal: 9-10)';
CREATE FUNCTION @extschema@.loyalty_index(recommend double precision, repurchase double precision, cross_buy double precision)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'loyalty_index_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyalty_index(double precision, double precision, double precision) IS
    'customer loyalty index 0-100: 10 x the mean of the non-NULL 0-10 answers';

CREATE FUNCTION @extschema@.loyalty_segment(satisfaction double precision, loyalty double precision,
                                            satisfied_from double precision, loyal_from double precision)
    RETURNS @extschema@.loyalty_segment
    AS 'MODULE_PATHNAME', 'loyalty_segment_general' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyalty_segment(double precision, double precision, double precision, double precision) IS
    'loyalty segment on any scales: satisfied when satisfaction >= satisfied_from, loyal when loyalty >= loyal_from';
-- ---------------------------------------------------------------------
-- The driver_matrix type: key driver analysis (SPEC 3, 4.4)
-- ---------------------------------------------------------------------

CREATE TYPE @extschema@.driver_matrix;

CREATE FUNCTION @extschema@.driver_matrix_in(cstring) RETURNS @extschema@.driver_matrix
    AS 'MODULE_PATHNAME', 'driver_matrix_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.driver_matrix_in(cstring) IS 'text input of driver_matrix';
CREATE FUNCTION @extschema@.driver_matrix_out(@extschema@.driver_matrix) RETURNS cstring
    AS 'MODULE_PATHNAME', 'driver_matrix_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.driver_matrix_out(@extschema@.driver_matrix) IS 'text output of driver_matrix';
CREATE FUNCTION @extschema@.driver_matrix_recv(internal) RETURNS @extschema@.driver_matrix
    AS 'MODULE_PATHNAME', 'driver_matrix_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.driver_matrix_recv(internal) IS 'binary input of driver_matrix';
CREATE FUNCTION @extschema@.driver_matrix_send(@extschema@.driver_matrix) RETURNS bytea
    AS 'MODULE_PATHNAME', 'driver_matrix_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.driver_matrix_send(@extschema@.driver_matrix) IS 'binary output of driver_matrix';

CREATE TYPE @extschema@.driver_matrix (
    INPUT = @extschema@.driver_matrix_in,
    OUTPUT = @extschema@.driver_matrix_out,
    RECEIVE = @extschema@.driver_matrix_recv,
    SEND = @extschema@.driver_matrix_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.driver_matrix IS
    'pairwise-complete co-moments of up to 32 drivers and one outcome, for key driver analysis';

CREATE FUNCTION @extschema@.driver_matrix_to_jsonb(@extschema@.driver_matrix) RETURNS jsonb
    AS 'MODULE_PATHNAME', 'driver_matrix_to_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.driver_matrix_to_jsonb(@extschema@.driver_matrix) IS
    'the matrix as jsonb: k, responses, y (outcome moments), x (driver moments), xy and xx (pair co-moments)';
CREATE CAST (@extschema@.driver_matrix AS jsonb)
    WITH FUNCTION @extschema@.driver_matrix_to_jsonb(@extschema@.driver_matrix);

CREATE FUNCTION @extschema@.responses(@extschema@.driver_matrix) RETURNS bigint
    AS 'MODULE_PATHNAME', 'driver_matrix_responses' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.responses(@extschema@.driver_matrix) IS
    'number of rows counted: rows with an outcome';
CREATE FUNCTION @extschema@.drivers(@extschema@.driver_matrix) RETURNS integer
    AS 'MODULE_PATHNAME', 'driver_matrix_drivers' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.drivers(@extschema@.driver_matrix) IS
    'number of drivers (the length of the drivers arrays)';

-- Aggregates -----------------------------------------------------------

CREATE FUNCTION @extschema@.driver_agg_trans(@extschema@.driver_matrix, double precision,
                                             double precision[])
    RETURNS @extschema@.driver_matrix
    AS 'MODULE_PATHNAME', 'driver_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.driver_agg_trans(@extschema@.driver_matrix, double precision,
                                                 double precision[]) IS
    'transition function of driver_agg: the matrix with one more row';
CREATE FUNCTION @extschema@.driver_matrix_combine(@extschema@.driver_matrix, @extschema@.driver_matrix)
    RETURNS @extschema@.driver_matrix
    AS 'MODULE_PATHNAME', 'driver_matrix_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.driver_matrix_combine(@extschema@.driver_matrix, @extschema@.driver_matrix) IS
    'combine function of driver_agg and rollup(driver_matrix): the matrix of both sets of rows';
CREATE FUNCTION @extschema@.driver_matrix_rollup_trans(@extschema@.driver_matrix, @extschema@.driver_matrix)
    RETURNS @extschema@.driver_matrix
    AS 'MODULE_PATHNAME', 'driver_matrix_rollup_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.driver_matrix_rollup_trans(@extschema@.driver_matrix, @extschema@.driver_matrix) IS
    'transition function of rollup(driver_matrix)';

CREATE AGGREGATE @extschema@.driver_agg(outcome double precision, drivers double precision[]) (
    SFUNC = @extschema@.driver_agg_trans, STYPE = @extschema@.driver_matrix,
    COMBINEFUNC = @extschema@.driver_matrix_combine,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.driver_agg(double precision, double precision[]) IS
    'co-moments of the drivers and the outcome; a NULL outcome skips the row, a NULL driver was not asked (pairwise deletion)';

CREATE AGGREGATE @extschema@.rollup(@extschema@.driver_matrix) (
    SFUNC = @extschema@.driver_matrix_rollup_trans, STYPE = @extschema@.driver_matrix,
    COMBINEFUNC = @extschema@.driver_matrix_combine,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.driver_matrix) IS
    'combination of stored driver matrices with the same number of drivers';

-- Key driver analysis --------------------------------------------------

CREATE FUNCTION @extschema@.r_squared(@extschema@.driver_matrix) RETURNS double precision
    AS 'MODULE_PATHNAME', 'driver_matrix_r_squared' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.r_squared(@extschema@.driver_matrix) IS
    'R² of the outcome regressed on all drivers, from the pairwise-complete correlations';

CREATE FUNCTION @extschema@.key_drivers(m @extschema@.driver_matrix, names text[] DEFAULT NULL)
    RETURNS TABLE(driver text, responses bigint, mean double precision,
                  correlation double precision, p_value double precision,
                  beta double precision, relative_weight double precision,
                  shapley double precision, importance_rank integer, quadrant text)
    AS 'MODULE_PATHNAME', 'driver_matrix_key_drivers'
    LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 8;
COMMENT ON FUNCTION @extschema@.key_drivers(@extschema@.driver_matrix, text[]) IS
    'one row per driver: responses, mean, correlation with the outcome and its p-value, standardized beta, Johnson''s relative weight, Shapley (LMG) share of R², importance rank and importance-performance quadrant';
