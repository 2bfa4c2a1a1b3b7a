-- ---------------------------------------------------------------------
-- The ratings type: the distribution of answers on one integer scale
-- ---------------------------------------------------------------------


-- Accessors ------------------------------------------------------------

-- Created or replaced: the update from 0.1.0 runs this section too, to name
-- the argument (r) that 0.1.0 left unnamed.
-- @section ratings_accessors
-- @foreach name | returns | symbol | comment
--   responses          | bigint           | ratings_responses          | 'number of responses'
--   total_weight       | double precision | ratings_total_weight       | 'sum of the weights (the number of responses for an unweighted summary)'
--   nps                | double precision | ratings_nps                | 'Net Promoter Score, -100..100: % promoters (9-10) minus % detractors (0-6); 0..10 summaries only'
--   promoters          | bigint           | ratings_promoters          | 'number of 9-10 answers (0..10 summaries)'
--   passives           | bigint           | ratings_passives           | 'number of 7-8 answers (0..10 summaries)'
--   detractors         | bigint           | ratings_detractors         | 'number of 0-6 answers (0..10 summaries)'
--   promoter_pct       | double precision | ratings_promoter_pct       | '% of 9-10 answers, weighted (0..10 summaries)'
--   passive_pct        | double precision | ratings_passive_pct        | '% of 7-8 answers, weighted (0..10 summaries)'
--   detractor_pct      | double precision | ratings_detractor_pct      | '% of 0-6 answers, weighted (0..10 summaries)'
--   mean               | double precision | ratings_mean               | 'weighted mean score'
--   stddev             | double precision | ratings_stddev             | 'sample standard deviation; weighted: sum w(x-mean)^2 / (W - sum w^2/W)'
--   median             | double precision | ratings_median             | 'the middle answer, or the mean of the two middle answers when their number is even'
--   csat               | double precision | ratings_csat               | 'customer satisfaction: % of answers in the top two points (4-5 on 1..5)'
--   ces                | double precision | ratings_mean               | 'customer effort score: the mean answer'
--   satisfaction_index | double precision | ratings_satisfaction_index | 'mean rescaled to 0..100: 100 * (mean - lo) / (hi - lo)'
-- @do
CREATE OR REPLACE FUNCTION @extschema@.{{name}}(r @extschema@.ratings) RETURNS {{returns}}
    AS 'MODULE_PATHNAME', '{{symbol}}' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.{{name}}(@extschema@.ratings) IS {{comment}};
-- @end

-- @foreach name | symbol | comment
--   top_box    | ratings_top_box    | '% of answers in the top `boxes` points of the scale'
--   bottom_box | ratings_bottom_box | '% of answers in the bottom `boxes` points of the scale'
-- @do
CREATE OR REPLACE FUNCTION @extschema@.{{name}}(r @extschema@.ratings, boxes integer DEFAULT 2) RETURNS double precision
    AS 'MODULE_PATHNAME', '{{symbol}}' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.{{name}}(@extschema@.ratings, integer) IS {{comment}};
-- @end

CREATE OR REPLACE FUNCTION @extschema@.histogram(r @extschema@.ratings,
        OUT score integer, OUT responses bigint, OUT weight double precision, OUT pct double precision)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'ratings_histogram' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 11;
COMMENT ON FUNCTION @extschema@.histogram(@extschema@.ratings) IS
    'one row per scale point: score, responses, weight, % of the total weight';
-- @endsection

-- Aggregate support ----------------------------------------------------

-- (ratings_final, ratings_combine and ratings_rollup_trans: 05-types.sql)
CREATE FUNCTION @extschema@.ratings_rollup_inv(@extschema@.ratings, @extschema@.ratings)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_rollup_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_rollup_inv(@extschema@.ratings, @extschema@.ratings) IS
    'inverse transition function of rollup(ratings) for moving window frames';

-- Transition functions and aggregates, for each score type (expanded by
-- tools/expand-sql.pl into plain SQL; every name is schema-qualified).
-- @foreach score | ratings_trans | ratings_inv | ratings_wtrans | ratings_winv | ratings_agg_trans | ratings_agg_inv | ratings_agg_wtrans | ratings_agg_winv
--   smallint         | ratings_trans_int2 | ratings_inv_int2 | ratings_wtrans_int2 | ratings_winv_int2 | ratings_agg_trans_int2 | ratings_agg_inv_int2 | ratings_agg_wtrans_int2 | ratings_agg_winv_int2
--   integer          | ratings_trans_int4 | ratings_inv_int4 | ratings_wtrans_int4 | ratings_winv_int4 | ratings_agg_trans_int4 | ratings_agg_inv_int4 | ratings_agg_wtrans_int4 | ratings_agg_winv_int4
--   bigint           | ratings_trans_int8 | ratings_inv_int8 | ratings_wtrans_int8 | ratings_winv_int8 | ratings_agg_trans_int8 | ratings_agg_inv_int8 | ratings_agg_wtrans_int8 | ratings_agg_winv_int8
--   numeric          | ratings_trans_numeric | ratings_inv_numeric | ratings_wtrans_numeric | ratings_winv_numeric | ratings_agg_trans_numeric | ratings_agg_inv_numeric | ratings_agg_wtrans_numeric | ratings_agg_winv_numeric
--   double precision | ratings_trans_float8 | ratings_inv_float8 | ratings_wtrans_float8 | ratings_winv_float8 | ratings_agg_trans_float8 | ratings_agg_inv_float8 | ratings_agg_wtrans_float8 | ratings_agg_winv_float8
-- @do
CREATE FUNCTION @extschema@.ratings_trans(@extschema@.ratings, {{score}}) RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', '{{ratings_trans}}' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_trans(@extschema@.ratings, {{score}}) IS
    'transition function: the summary with one more response';
CREATE FUNCTION @extschema@.ratings_inv(@extschema@.ratings, {{score}}) RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', '{{ratings_inv}}' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_inv(@extschema@.ratings, {{score}}) IS
    'inverse transition function: the summary with one response removed';
CREATE FUNCTION @extschema@.ratings_trans(@extschema@.ratings, {{score}}, double precision)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', '{{ratings_wtrans}}' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_trans(@extschema@.ratings, {{score}}, double precision) IS
    'transition function: the summary with one more weighted response';
CREATE FUNCTION @extschema@.ratings_inv(@extschema@.ratings, {{score}}, double precision)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', '{{ratings_winv}}' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_inv(@extschema@.ratings, {{score}}, double precision) IS
    'inverse transition function: one weighted response removed, or NULL where the weight sums would not be exact';
CREATE FUNCTION @extschema@.ratings_agg_trans(@extschema@.ratings, {{score}}, integer, integer)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', '{{ratings_agg_trans}}' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_agg_trans(@extschema@.ratings, {{score}}, integer, integer) IS
    'transition function of ratings_agg';
CREATE FUNCTION @extschema@.ratings_agg_inv(@extschema@.ratings, {{score}}, integer, integer)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', '{{ratings_agg_inv}}' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_agg_inv(@extschema@.ratings, {{score}}, integer, integer) IS
    'inverse transition function of ratings_agg';
CREATE FUNCTION @extschema@.ratings_agg_trans(@extschema@.ratings, {{score}}, integer, integer, double precision)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', '{{ratings_agg_wtrans}}' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_agg_trans(@extschema@.ratings, {{score}}, integer, integer, double precision) IS
    'transition function of the weighted ratings_agg';
CREATE FUNCTION @extschema@.ratings_agg_inv(@extschema@.ratings, {{score}}, integer, integer, double precision)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', '{{ratings_agg_winv}}' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_agg_inv(@extschema@.ratings, {{score}}, integer, integer, double precision) IS
    'inverse transition function of the weighted ratings_agg';

-- @end

-- The aggregates, for each score type.  Created or replaced: the update
-- from 0.1.0 runs this section too, to name the arguments (score, lo, hi,
-- weight; r of rollup) that 0.1.0 left unnamed.
-- @section ratings_aggregates
-- @foreach score
--   smallint
--   integer
--   bigint
--   numeric
--   double precision
-- @do
CREATE OR REPLACE AGGREGATE @extschema@.ratings_agg(score {{score}}, lo integer, hi integer) (
    SFUNC = @extschema@.ratings_agg_trans, STYPE = @extschema@.ratings,
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_agg_trans, MINVFUNC = @extschema@.ratings_agg_inv,
    MSTYPE = @extschema@.ratings, MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.ratings_agg({{score}}, integer, integer) IS
    'summary of the scores on the scale lo..hi (at most 101 points)';
CREATE OR REPLACE AGGREGATE @extschema@.ratings_agg(score {{score}}, lo integer, hi integer, weight double precision) (
    SFUNC = @extschema@.ratings_agg_trans, STYPE = @extschema@.ratings,
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_agg_trans, MINVFUNC = @extschema@.ratings_agg_inv,
    MSTYPE = @extschema@.ratings, MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.ratings_agg({{score}}, integer, integer, double precision) IS
    'weighted summary of the scores on the scale lo..hi (at most 101 points)';

-- Aggregates on a fixed scale: the state starts as an empty summary.
-- @foreach name | final | init | winit | what
--   nps | nps | scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0} | scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0} w={0,0,0,0,0,0,0,0,0,0,0} w2=0 | Net Promoter Score of 0-10 answers, -100..100
--   ces | ces | scale=1..7 n={0,0,0,0,0,0,0} | scale=1..7 n={0,0,0,0,0,0,0} w={0,0,0,0,0,0,0} w2=0 | customer effort score: mean of 1-7 answers (CES 2.0, higher is easier)
--   csat | csat | scale=1..5 n={0,0,0,0,0} | scale=1..5 n={0,0,0,0,0} w={0,0,0,0,0} w2=0 | customer satisfaction: % of 4-5 answers on 1..5
--   nps_agg | ratings_final | scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0} | scale=0..10 n={0,0,0,0,0,0,0,0,0,0,0} w={0,0,0,0,0,0,0,0,0,0,0} w2=0 | summary of 0-10 recommend answers
--   effort_agg | ratings_final | scale=1..7 n={0,0,0,0,0,0,0} | scale=1..7 n={0,0,0,0,0,0,0} w={0,0,0,0,0,0,0} w2=0 | summary of 1-7 effort answers
--   csat_agg | ratings_final | scale=1..5 n={0,0,0,0,0} | scale=1..5 n={0,0,0,0,0} w={0,0,0,0,0} w2=0 | summary of 1-5 satisfaction answers
-- @do
CREATE OR REPLACE AGGREGATE @extschema@.{{name}}(score {{score}}) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = '{{init}}',
    FINALFUNC = @extschema@.{{final}}, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = '{{init}}', MFINALFUNC = @extschema@.{{final}},
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.{{name}}({{score}}) IS '{{what}}';
CREATE OR REPLACE AGGREGATE @extschema@.{{name}}(score {{score}}, weight double precision) (
    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = '{{winit}}',
    FINALFUNC = @extschema@.{{final}}, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
    MSTYPE = @extschema@.ratings, MINITCOND = '{{winit}}', MFINALFUNC = @extschema@.{{final}},
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.{{name}}({{score}}, double precision) IS 'weighted {{what}}';
-- @end
-- @end

CREATE OR REPLACE AGGREGATE @extschema@.rollup(r @extschema@.ratings) (
    SFUNC = @extschema@.ratings_rollup_trans, STYPE = @extschema@.ratings,
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_rollup_trans, MINVFUNC = @extschema@.ratings_rollup_inv,
    MSTYPE = @extschema@.ratings, MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.ratings) IS
    'sum of stored summaries on one scale (different scales are an error)';
-- @endsection
