-- loyalty 0.1.0 to 0.2.0: every change to SQL objects since 0.1.0.
-- A fresh 0.2.0 install and an updated 0.1.0 one end up with the same
-- objects (tools/check-upgrade.sh compares their catalogs).  make expands this
-- source's per-type blocks (tools/expand-sql.pl), as for the install
-- script.
\echo Use "ALTER EXTENSION loyalty UPDATE TO '0.2.0'" to load this file. \quit

-- rollup(ratings) and rollup(rating_pairs) validate every stored value they
-- read, the first one included: their transition functions are no longer
-- strict (a strict one lets PostgreSQL take the first value as the state
-- unchecked), nor, as PostgreSQL requires, their inverses.
ALTER FUNCTION @extschema@.ratings_rollup_trans(@extschema@.ratings, @extschema@.ratings)
    CALLED ON NULL INPUT;
ALTER FUNCTION @extschema@.ratings_rollup_inv(@extschema@.ratings, @extschema@.ratings)
    CALLED ON NULL INPUT;
ALTER FUNCTION @extschema@.rating_pairs_rollup_trans(@extschema@.rating_pairs, @extschema@.rating_pairs)
    CALLED ON NULL INPUT;
ALTER FUNCTION @extschema@.rating_pairs_rollup_inv(@extschema@.rating_pairs, @extschema@.rating_pairs)
    CALLED ON NULL INPUT;

-- The I/O functions of 0.1.0's types and their jsonb casts get comments,
-- like every other object.
-- @foreach type | in | out | recv | send | storage | what
-- @include sql/install/05-types.sql released_types
-- @do
-- @include sql/install/05-types.sql type_comments
-- @end
-- @foreach type | to_jsonb | what
-- @include sql/install/05-types.sql jsonb_casts
-- @do
-- @include sql/install/05-types.sql cast_comment
-- @end

-- The support functions of 0.1.0's types get the comments of 0.2.0's one
-- template.
-- @foreach type | final | combine | rollup_trans | final_what
-- @include sql/install/05-types.sql released_support
-- @do
-- @include sql/install/05-types.sql support_comments
-- @end

-- a + b for every summary type, as the install script defines it.
-- @foreach type | plus | operands | what
-- @include sql/install/05-types.sql plus_types
-- @do
-- @include sql/install/05-types.sql plus
-- @end

-- The trend aggregates get a state type of their own, whose text form is
-- exact whatever extra_float_digits says (Citus ships partial states as
-- text), instead of a float8[6] array.  The install script's section
-- replaces the aggregates in place (CREATE OR REPLACE AGGREGATE), so views
-- that call them keep working; then the array-based support functions go.
-- @foreach type | in | out | recv | send | storage | what
-- @include sql/install/05-types.sql new_types
-- @do
-- @include sql/install/05-types.sql type
-- @include sql/install/05-types.sql type_comments
-- @end
-- @include sql/install/25-trend.sql trend

-- @foreach score | suffix
--   smallint         | int2
--   integer          | int4
--   bigint           | int8
--   numeric          | numeric
--   double precision | float8
-- @do
DROP FUNCTION @extschema@.nps_trend_trans(double precision[], timestamp with time zone, {{score}});
-- @end
DROP FUNCTION @extschema@.nps_trend_combine(double precision[], double precision[]);
DROP FUNCTION @extschema@.nps_trend_final(double precision[]);
DROP FUNCTION @extschema@.nps_trend_p_final(double precision[]);

-- The interval of a change in NPS, NPS(b) - NPS(a).
-- @include sql/install/20-inference.sql nps_diff

-- The test against a benchmark NPS is nps_benchmark_test: as an overload of
-- nps_test, an untyped benchmark ('30', or an ODBC parameter) resolved to
-- the two-summary test and failed.  A view that calls nps_test(r, number)
-- makes this DROP fail; recreate it with nps_benchmark_test first
-- (README.md: "Upgrading").
DROP FUNCTION @extschema@.nps_test(@extschema@.ratings, double precision, text);
-- @include sql/install/20-inference.sql benchmark_test

-- p_adjust, for comparing many segments at once (README.md: "Comparing
-- many segments at once").
-- @include sql/install/60-padjust.sql padjust

-- Every argument of a user-facing function has a name (BI tools list them
-- through their drivers' catalog browsers): the install script creates or
-- replaces these functions and aggregates, and the update runs the same
-- sections, which adds the names 0.1.0 left out.
-- @include sql/install/10-ratings.sql ratings_accessors
-- @include sql/install/10-ratings.sql ratings_aggregates
-- @include sql/install/20-inference.sql inference_nps
-- @include sql/install/20-inference.sql inference_mean
-- @include sql/install/20-inference.sql inference_top_box
-- @include sql/install/30-pairs.sql pairs_accessors
-- @include sql/install/30-pairs.sql pairs_rollup
-- @include sql/install/50-drivers.sql drivers_accessors
-- @include sql/install/50-drivers.sql drivers_rollup
-- @include sql/install/50-drivers.sql drivers_r_squared

-- Verbatim themes: the term_ratings type (new in 0.2.0, created with the
-- new types above), its jsonb cast, + operator, aggregates and accessors,
-- as the install script defines them.
-- @foreach type | to_jsonb | what
-- @include sql/install/05-types.sql new_jsonb_casts
-- @do
-- @include sql/install/05-types.sql jsonb_cast
-- @include sql/install/05-types.sql cast_comment
-- @end
-- @foreach type | plus | operands | what
-- @include sql/install/05-types.sql plus_new_types
-- @do
-- @include sql/install/05-types.sql plus
-- @end
-- @foreach type | final | combine | rollup_trans | final_what
-- @include sql/install/05-types.sql new_support
-- @do
-- @include sql/install/05-types.sql support
-- @include sql/install/05-types.sql support_comments
-- @end
-- @include sql/install/55-terms.sql terms
