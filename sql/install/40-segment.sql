-- ---------------------------------------------------------------------
-- Loyalty segmentation
-- ---------------------------------------------------------------------

CREATE TYPE @extschema@.nps_category AS ENUM ('detractor', 'passive', 'promoter');
COMMENT ON TYPE @extschema@.nps_category IS
    'NPS group of a 0-10 answer: detractor (0-6), passive (7-8), promoter (9-10)';

CREATE TYPE @extschema@.loyalty_segment AS ENUM ('loyalist', 'mercenary', 'hostage', 'defector');
COMMENT ON TYPE @extschema@.loyalty_segment IS
    'Jones & Sasser satisfaction x loyalty matrix: loyalist (satisfied, loyal), mercenary (satisfied, not loyal), hostage (dissatisfied, loyal), defector (dissatisfied, not loyal)';

-- For each score type:
-- @foreach score | nps_category | loyalty_segment | loyalty_index
--   smallint         | nps_category_int2 | loyalty_segment_int2 | loyalty_index_int2
--   integer          | nps_category_int4 | loyalty_segment_int4 | loyalty_index_int4
--   bigint           | nps_category_int8 | loyalty_segment_int8 | loyalty_index_int8
--   numeric          | nps_category_numeric | loyalty_segment_numeric | loyalty_index_numeric
--   double precision | nps_category_float8 | loyalty_segment_float8 | loyalty_index_float8
-- @do
CREATE FUNCTION @extschema@.nps_category(score {{score}}) RETURNS @extschema@.nps_category
    AS 'MODULE_PATHNAME', '{{nps_category}}' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_category({{score}}) IS
    'NPS category of a 0-10 answer: detractor 0-6, passive 7-8, promoter 9-10';
CREATE FUNCTION @extschema@.loyalty_segment(satisfaction {{score}}, recommend {{score}})
    RETURNS @extschema@.loyalty_segment
    AS 'MODULE_PATHNAME', '{{loyalty_segment}}' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyalty_segment({{score}}, {{score}}) IS
    'loyalty segment from a 1-5 satisfaction answer (satisfied: 4-5) and a 0-10 recommend answer (loyal: 9-10)';
CREATE FUNCTION @extschema@.loyalty_index(recommend {{score}}, repurchase {{score}}, cross_buy {{score}})
    RETURNS double precision
    AS 'MODULE_PATHNAME', '{{loyalty_index}}' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyalty_index({{score}}, {{score}}, {{score}}) IS
    'customer loyalty index 0-100: 10 x the mean of the non-NULL 0-10 answers';
-- @end

CREATE FUNCTION @extschema@.loyalty_segment(satisfaction double precision, loyalty double precision,
                                            satisfied_from double precision, loyal_from double precision)
    RETURNS @extschema@.loyalty_segment
    AS 'MODULE_PATHNAME', 'loyalty_segment_general' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loyalty_segment(double precision, double precision, double precision, double precision) IS
    'loyalty segment on any scales: satisfied when satisfaction >= satisfied_from, loyal when loyalty >= loyal_from';
