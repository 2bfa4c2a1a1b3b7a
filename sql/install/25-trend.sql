-- ---------------------------------------------------------------------
-- NPS trend aggregates
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
-- @foreach score | suffix
--   smallint         | int2
--   integer          | int4
--   bigint           | int8
--   numeric          | numeric
--   double precision | float8
-- @do
CREATE FUNCTION @extschema@.nps_trend_trans(double precision[], timestamp with time zone, {{score}})
    RETURNS double precision[]
    AS 'MODULE_PATHNAME', 'nps_trend_trans_{{suffix}}' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_trend_trans(double precision[], timestamp with time zone, {{score}}) IS
    'transition function of nps_trend and nps_trend_p';
CREATE AGGREGATE @extschema@.nps_trend(at timestamp with time zone, score {{score}}) (
    SFUNC = @extschema@.nps_trend_trans, STYPE = double precision[],
    INITCOND = '{0,0,0,0,0,0}', FINALFUNC = @extschema@.nps_trend_final,
    COMBINEFUNC = @extschema@.nps_trend_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps_trend(timestamp with time zone, {{score}}) IS
    'least-squares slope of the NPS in points per 30 days (each answer +100, 0 or -100)';
CREATE AGGREGATE @extschema@.nps_trend_p(at timestamp with time zone, score {{score}}) (
    SFUNC = @extschema@.nps_trend_trans, STYPE = double precision[],
    INITCOND = '{0,0,0,0,0,0}', FINALFUNC = @extschema@.nps_trend_p_final,
    COMBINEFUNC = @extschema@.nps_trend_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps_trend_p(timestamp with time zone, {{score}}) IS
    'two-sided p-value that the NPS trend slope is not zero (t with n - 2 df)';
-- @end
