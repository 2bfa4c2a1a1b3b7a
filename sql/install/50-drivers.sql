-- ---------------------------------------------------------------------
-- The driver_matrix type: key driver analysis
-- ---------------------------------------------------------------------


-- Created or replaced, as r_squared and rollup below: the update from 0.1.0
-- runs these sections too, to name the argument (m) that 0.1.0 left unnamed.
-- @section drivers_accessors
CREATE OR REPLACE FUNCTION @extschema@.responses(m @extschema@.driver_matrix) RETURNS bigint
    AS 'MODULE_PATHNAME', 'driver_matrix_responses' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.responses(@extschema@.driver_matrix) IS
    'number of rows counted: rows with an outcome';
CREATE OR REPLACE FUNCTION @extschema@.drivers(m @extschema@.driver_matrix) RETURNS integer
    AS 'MODULE_PATHNAME', 'driver_matrix_drivers' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.drivers(@extschema@.driver_matrix) IS
    'number of drivers (the length of the drivers arrays)';
-- @endsection

-- Aggregates -----------------------------------------------------------

CREATE FUNCTION @extschema@.driver_agg_trans(@extschema@.driver_matrix, double precision,
                                             double precision[])
    RETURNS @extschema@.driver_matrix
    AS 'MODULE_PATHNAME', 'driver_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.driver_agg_trans(@extschema@.driver_matrix, double precision,
                                                 double precision[]) IS
    'transition function of driver_agg: the matrix with one more row';
-- @foreach name | symbol | comment
--   driver_matrix_combine      | driver_matrix_combine      | 'combine function of driver_agg and rollup(driver_matrix): the matrix of both sets of rows'
--   driver_matrix_rollup_trans | driver_matrix_rollup_trans | 'transition function of rollup(driver_matrix)'
-- @do
CREATE FUNCTION @extschema@.{{name}}(@extschema@.driver_matrix, @extschema@.driver_matrix)
    RETURNS @extschema@.driver_matrix
    AS 'MODULE_PATHNAME', '{{symbol}}' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.{{name}}(@extschema@.driver_matrix, @extschema@.driver_matrix) IS {{comment}};
-- @end

CREATE AGGREGATE @extschema@.driver_agg(outcome double precision, drivers double precision[]) (
    SFUNC = @extschema@.driver_agg_trans, STYPE = @extschema@.driver_matrix,
    COMBINEFUNC = @extschema@.driver_matrix_combine,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.driver_agg(double precision, double precision[]) IS
    'co-moments of the drivers and the outcome; a NULL outcome skips the row, a NULL driver was not asked (pairwise deletion)';

-- @section drivers_rollup
CREATE OR REPLACE AGGREGATE @extschema@.rollup(m @extschema@.driver_matrix) (
    SFUNC = @extschema@.driver_matrix_rollup_trans, STYPE = @extschema@.driver_matrix,
    COMBINEFUNC = @extschema@.driver_matrix_combine,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.driver_matrix) IS
    'combination of stored driver matrices with the same number of drivers';
-- @endsection

-- Key driver analysis --------------------------------------------------

-- @section drivers_r_squared
CREATE OR REPLACE FUNCTION @extschema@.r_squared(m @extschema@.driver_matrix) RETURNS double precision
    AS 'MODULE_PATHNAME', 'driver_matrix_r_squared' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.r_squared(@extschema@.driver_matrix) IS
    'R² of the outcome regressed on all drivers, from the pairwise-complete correlations';
-- @endsection

CREATE FUNCTION @extschema@.key_drivers(m @extschema@.driver_matrix, names text[] DEFAULT NULL)
    RETURNS TABLE(driver text, responses bigint, mean double precision,
                  correlation double precision, p_value double precision,
                  beta double precision, relative_weight double precision,
                  shapley double precision, importance_rank integer, quadrant text)
    AS 'MODULE_PATHNAME', 'driver_matrix_key_drivers'
    LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 8;
COMMENT ON FUNCTION @extschema@.key_drivers(@extschema@.driver_matrix, text[]) IS
    'one row per driver: responses, mean, correlation with the outcome and its p-value, standardized beta, Johnson''s relative weight, Shapley (LMG) share of R², importance rank and importance-performance quadrant';
