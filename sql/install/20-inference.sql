-- ---------------------------------------------------------------------
-- Statistical inference on ratings summaries
-- ---------------------------------------------------------------------

-- The functions of one summary are created or replaced: the update from
-- 0.1.0 runs these sections too, to name the argument (r) that 0.1.0 left
-- unnamed.
-- @section inference_nps
CREATE OR REPLACE FUNCTION @extschema@.effective_responses(r @extschema@.ratings) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_effective_responses' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.effective_responses(@extschema@.ratings) IS
    'Kish effective sample size (sum w)^2 / sum w^2; the number of responses when unweighted';

CREATE OR REPLACE FUNCTION @extschema@.nps_moe(r @extschema@.ratings, confidence double precision DEFAULT 0.95)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_nps_moe' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_moe(@extschema@.ratings, double precision) IS
    'Wald margin of error of the NPS in points: z * sqrt(Var / n) * 100';

-- @foreach name | symbol | end
--   nps_lower | ratings_nps_lower | lower
--   nps_upper | ratings_nps_upper | upper
-- @do
CREATE OR REPLACE FUNCTION @extschema@.{{name}}(r @extschema@.ratings, confidence double precision DEFAULT 0.95,
                                      method text DEFAULT 'adjusted_wald')
    RETURNS double precision
    AS 'MODULE_PATHNAME', '{{symbol}}' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.{{name}}(@extschema@.ratings, double precision, text) IS
    '{{end}} end of the NPS confidence interval; method wald or adjusted_wald (Rocks 2016)';
-- @end
-- @endsection

CREATE FUNCTION @extschema@.nps_test(a @extschema@.ratings, b @extschema@.ratings) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_nps_test2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_test(@extschema@.ratings, @extschema@.ratings) IS
    'two-sided p-value that two NPS differ (z-test, SE = sqrt(Va/na + Vb/nb))';
-- @section benchmark_test
CREATE FUNCTION @extschema@.nps_benchmark_test(r @extschema@.ratings, benchmark double precision,
                                               alternative text DEFAULT 'two-sided')
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_nps_benchmark_test' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_benchmark_test(@extschema@.ratings, double precision, text) IS
    'p-value of the NPS against a benchmark NPS; alternative two-sided, greater or less';
-- @endsection

-- @section nps_diff
-- @foreach name | symbol | end
--   nps_diff_lower | ratings_nps_diff_lower | lower
--   nps_diff_upper | ratings_nps_diff_upper | upper
-- @do
CREATE FUNCTION @extschema@.{{name}}(a @extschema@.ratings, b @extschema@.ratings,
                                           confidence double precision DEFAULT 0.95,
                                           method text DEFAULT 'wald')
    RETURNS double precision
    AS 'MODULE_PATHNAME', '{{symbol}}' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.{{name}}(@extschema@.ratings, @extschema@.ratings, double precision, text) IS
    '{{end}} end of the confidence interval of the change NPS(b) - NPS(a) in points (SE as nps_test); method wald or adjusted_wald';
-- @end
-- @endsection

-- @section inference_mean
-- @foreach name | symbol | end
--   mean_lower | ratings_mean_lower | lower
--   mean_upper | ratings_mean_upper | upper
-- @do
CREATE OR REPLACE FUNCTION @extschema@.{{name}}(r @extschema@.ratings, confidence double precision DEFAULT 0.95)
    RETURNS double precision
    AS 'MODULE_PATHNAME', '{{symbol}}' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.{{name}}(@extschema@.ratings, double precision) IS
    '{{end}} end of the Student-t confidence interval of the mean';
-- @end
-- @endsection
CREATE FUNCTION @extschema@.mean_test(a @extschema@.ratings, b @extschema@.ratings) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_mean_test' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean_test(@extschema@.ratings, @extschema@.ratings) IS
    'two-sided p-value of Welch''s t-test that two means differ';

-- @section inference_top_box
-- @foreach name | symbol | end
--   top_box_lower | ratings_top_box_lower | lower
--   top_box_upper | ratings_top_box_upper | upper
-- @do
CREATE OR REPLACE FUNCTION @extschema@.{{name}}(r @extschema@.ratings, boxes integer DEFAULT 2,
                                          confidence double precision DEFAULT 0.95)
    RETURNS double precision
    AS 'MODULE_PATHNAME', '{{symbol}}' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.{{name}}(@extschema@.ratings, integer, double precision) IS
    '{{end}} end of the Wilson score interval of the top-box share, %';
-- @end
-- @endsection
CREATE FUNCTION @extschema@.top_box_test(a @extschema@.ratings, b @extschema@.ratings, boxes integer DEFAULT 2)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_top_box_test' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.top_box_test(@extschema@.ratings, @extschema@.ratings, integer) IS
    'two-sided p-value of the pooled two-proportion z-test that two top-box shares differ';
