-- ---------------------------------------------------------------------
-- Statistical inference on ratings summaries
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

-- @section nps_diff
CREATE FUNCTION @extschema@.nps_diff_lower(a @extschema@.ratings, b @extschema@.ratings,
                                           confidence double precision DEFAULT 0.95,
                                           method text DEFAULT 'wald')
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_nps_diff_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_diff_lower(@extschema@.ratings, @extschema@.ratings, double precision, text) IS
    'lower end of the confidence interval of the change NPS(b) - NPS(a) in points (SE as nps_test); method wald or adjusted_wald';
CREATE FUNCTION @extschema@.nps_diff_upper(a @extschema@.ratings, b @extschema@.ratings,
                                           confidence double precision DEFAULT 0.95,
                                           method text DEFAULT 'wald')
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_nps_diff_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_diff_upper(@extschema@.ratings, @extschema@.ratings, double precision, text) IS
    'upper end of the confidence interval of the change NPS(b) - NPS(a) in points (SE as nps_test); method wald or adjusted_wald';
-- @endsection

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
