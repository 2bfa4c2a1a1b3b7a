-- ---------------------------------------------------------------------
-- NPS trend aggregates (their state type nps_trend_state: 05-types.sql)
-- ---------------------------------------------------------------------

-- The upgrade from 0.1.0 creates the same objects from this section; it
-- replaces the trend aggregates in place (so that views over them survive),
-- hence CREATE OR REPLACE AGGREGATE, which creates them in a new install.
-- @section trend

CREATE FUNCTION @extschema@.nps_trend_combine(@extschema@.nps_trend_state, @extschema@.nps_trend_state)
    RETURNS @extschema@.nps_trend_state
    AS 'MODULE_PATHNAME', 'nps_trend_state_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_trend_combine(@extschema@.nps_trend_state, @extschema@.nps_trend_state) IS
    'combine function of nps_trend and nps_trend_p';
-- @foreach name | symbol | comment
--   nps_trend_final   | nps_trend_state_final   | 'final function of nps_trend: the least-squares slope in NPS points per 30 days'
--   nps_trend_p_final | nps_trend_state_p_final | 'final function of nps_trend_p: two-sided p-value of the slope (t, n - 2 df)'
-- @do
CREATE FUNCTION @extschema@.{{name}}(@extschema@.nps_trend_state) RETURNS double precision
    AS 'MODULE_PATHNAME', '{{symbol}}' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.{{name}}(@extschema@.nps_trend_state) IS {{comment}};
-- @end

-- For each score type:
-- @foreach score | nps_trend_state_trans
--   smallint         | nps_trend_state_trans_int2
--   integer          | nps_trend_state_trans_int4
--   bigint           | nps_trend_state_trans_int8
--   numeric          | nps_trend_state_trans_numeric
--   double precision | nps_trend_state_trans_float8
-- @do
CREATE FUNCTION @extschema@.nps_trend_trans(@extschema@.nps_trend_state, timestamp with time zone, {{score}})
    RETURNS @extschema@.nps_trend_state
    AS 'MODULE_PATHNAME', '{{nps_trend_state_trans}}' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_trend_trans(@extschema@.nps_trend_state, timestamp with time zone, {{score}}) IS
    'transition function of nps_trend and nps_trend_p';
-- @foreach name | final | comment
--   nps_trend   | nps_trend_final   | 'least-squares slope of the NPS in points per 30 days (each answer +100, 0 or -100)'
--   nps_trend_p | nps_trend_p_final | 'two-sided p-value that the NPS trend slope is not zero (t with n - 2 df)'
-- @do
CREATE OR REPLACE AGGREGATE @extschema@.{{name}}(at timestamp with time zone, score {{score}}) (
    SFUNC = @extschema@.nps_trend_trans, STYPE = @extschema@.nps_trend_state,
    INITCOND = 'n=0 mean_t=0 mean_y=0 stt=0 sty=0 syy=0', FINALFUNC = @extschema@.{{final}},
    COMBINEFUNC = @extschema@.nps_trend_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.{{name}}(timestamp with time zone, {{score}}) IS {{comment}};
-- @end
-- @end
-- @endsection
