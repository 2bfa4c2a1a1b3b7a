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

-- a + b, for incremental loads (ON CONFLICT ... DO UPDATE SET s = t.s + EXCLUDED.s):
-- the same checks as rollup of the two; a NULL side gives the other.
CREATE FUNCTION @extschema@.ratings_plus(a @extschema@.ratings, b @extschema@.ratings) RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_plus' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_plus(@extschema@.ratings, @extschema@.ratings) IS
    'the summary of the answers of both (as rollup of the two; NULL + b is b)';
CREATE OPERATOR @extschema@.+ (
    LEFTARG = @extschema@.ratings, RIGHTARG = @extschema@.ratings,
    FUNCTION = @extschema@.ratings_plus,
    COMMUTATOR = OPERATOR(@extschema@.+));
COMMENT ON OPERATOR @extschema@.+ (@extschema@.ratings, @extschema@.ratings) IS
    'the summary of the answers of both (as rollup of the two; NULL + b is b)';

-- a + b, for incremental loads (ON CONFLICT ... DO UPDATE SET s = t.s + EXCLUDED.s):
-- the same checks as rollup of the two; a NULL side gives the other.
CREATE FUNCTION @extschema@.rating_pairs_plus(a @extschema@.rating_pairs, b @extschema@.rating_pairs) RETURNS @extschema@.rating_pairs
    AS 'MODULE_PATHNAME', 'rating_pairs_plus' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rating_pairs_plus(@extschema@.rating_pairs, @extschema@.rating_pairs) IS
    'the joint count table of the rows of both (as rollup of the two; NULL + b is b)';
CREATE OPERATOR @extschema@.+ (
    LEFTARG = @extschema@.rating_pairs, RIGHTARG = @extschema@.rating_pairs,
    FUNCTION = @extschema@.rating_pairs_plus,
    COMMUTATOR = OPERATOR(@extschema@.+));
COMMENT ON OPERATOR @extschema@.+ (@extschema@.rating_pairs, @extschema@.rating_pairs) IS
    'the joint count table of the rows of both (as rollup of the two; NULL + b is b)';

-- a + b, for incremental loads (ON CONFLICT ... DO UPDATE SET s = t.s + EXCLUDED.s):
-- the same checks as rollup of the two; a NULL side gives the other.
CREATE FUNCTION @extschema@.driver_matrix_plus(a @extschema@.driver_matrix, b @extschema@.driver_matrix) RETURNS @extschema@.driver_matrix
    AS 'MODULE_PATHNAME', 'driver_matrix_plus' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.driver_matrix_plus(@extschema@.driver_matrix, @extschema@.driver_matrix) IS
    'the matrix of the rows of both (as rollup of the two; NULL + b is b)';
CREATE OPERATOR @extschema@.+ (
    LEFTARG = @extschema@.driver_matrix, RIGHTARG = @extschema@.driver_matrix,
    FUNCTION = @extschema@.driver_matrix_plus);
COMMENT ON OPERATOR @extschema@.+ (@extschema@.driver_matrix, @extschema@.driver_matrix) IS
    'the matrix of the rows of both (as rollup of the two; NULL + b is b)';

-- The trend aggregates get a state type of their own, whose text form is
-- exact whatever extra_float_digits says (Citus ships partial states as
-- text), instead of a float8[6] array.  CREATE OR REPLACE AGGREGATE keeps
-- the aggregates themselves, so views that call them keep working; the
-- array-based support functions go.
CREATE TYPE @extschema@.nps_trend_state;

CREATE FUNCTION @extschema@.nps_trend_state_in(cstring) RETURNS @extschema@.nps_trend_state
    AS 'MODULE_PATHNAME', 'nps_trend_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_trend_state_in(cstring) IS 'text input of nps_trend_state';
CREATE FUNCTION @extschema@.nps_trend_state_out(@extschema@.nps_trend_state) RETURNS cstring
    AS 'MODULE_PATHNAME', 'nps_trend_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_trend_state_out(@extschema@.nps_trend_state) IS
    'text output of nps_trend_state: exact, whatever extra_float_digits says';
CREATE FUNCTION @extschema@.nps_trend_state_recv(internal) RETURNS @extschema@.nps_trend_state
    AS 'MODULE_PATHNAME', 'nps_trend_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_trend_state_recv(internal) IS 'binary input of nps_trend_state';
CREATE FUNCTION @extschema@.nps_trend_state_send(@extschema@.nps_trend_state) RETURNS bytea
    AS 'MODULE_PATHNAME', 'nps_trend_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_trend_state_send(@extschema@.nps_trend_state) IS
    'binary output of nps_trend_state';

CREATE TYPE @extschema@.nps_trend_state (
    INPUT = @extschema@.nps_trend_state_in,
    OUTPUT = @extschema@.nps_trend_state_out,
    RECEIVE = @extschema@.nps_trend_state_recv,
    SEND = @extschema@.nps_trend_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE @extschema@.nps_trend_state IS
    'state of nps_trend and nps_trend_p: count, means and co-moments of the answers'' times and NPS values';

CREATE FUNCTION @extschema@.nps_trend_combine(@extschema@.nps_trend_state, @extschema@.nps_trend_state)
    RETURNS @extschema@.nps_trend_state
    AS 'MODULE_PATHNAME', 'nps_trend_state_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_trend_combine(@extschema@.nps_trend_state, @extschema@.nps_trend_state) IS
    'combine function of nps_trend and nps_trend_p';
CREATE FUNCTION @extschema@.nps_trend_final(@extschema@.nps_trend_state) RETURNS double precision
    AS 'MODULE_PATHNAME', 'nps_trend_state_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_trend_final(@extschema@.nps_trend_state) IS
    'final function of nps_trend: the least-squares slope in NPS points per 30 days';
CREATE FUNCTION @extschema@.nps_trend_p_final(@extschema@.nps_trend_state) RETURNS double precision
    AS 'MODULE_PATHNAME', 'nps_trend_state_p_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_trend_p_final(@extschema@.nps_trend_state) IS
    'final function of nps_trend_p: two-sided p-value of the slope (t, n - 2 df)';

-- @foreach score | suffix
--   smallint         | int2
--   integer          | int4
--   bigint           | int8
--   numeric          | numeric
--   double precision | float8
-- @do
CREATE FUNCTION @extschema@.nps_trend_trans(@extschema@.nps_trend_state, timestamp with time zone, {{score}})
    RETURNS @extschema@.nps_trend_state
    AS 'MODULE_PATHNAME', 'nps_trend_state_trans_{{suffix}}' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_trend_trans(@extschema@.nps_trend_state, timestamp with time zone, {{score}}) IS
    'transition function of nps_trend and nps_trend_p';
CREATE OR REPLACE AGGREGATE @extschema@.nps_trend(at timestamp with time zone, score {{score}}) (
    SFUNC = @extschema@.nps_trend_trans, STYPE = @extschema@.nps_trend_state,
    INITCOND = 'n=0 mean_t=0 mean_y=0 stt=0 sty=0 syy=0', FINALFUNC = @extschema@.nps_trend_final,
    COMBINEFUNC = @extschema@.nps_trend_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps_trend(timestamp with time zone, {{score}}) IS
    'least-squares slope of the NPS in points per 30 days (each answer +100, 0 or -100)';
CREATE OR REPLACE AGGREGATE @extschema@.nps_trend_p(at timestamp with time zone, score {{score}}) (
    SFUNC = @extschema@.nps_trend_trans, STYPE = @extschema@.nps_trend_state,
    INITCOND = 'n=0 mean_t=0 mean_y=0 stt=0 sty=0 syy=0', FINALFUNC = @extschema@.nps_trend_p_final,
    COMBINEFUNC = @extschema@.nps_trend_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.nps_trend_p(timestamp with time zone, {{score}}) IS
    'two-sided p-value that the NPS trend slope is not zero (t with n - 2 df)';
DROP FUNCTION @extschema@.nps_trend_trans(double precision[], timestamp with time zone, {{score}});
-- @end
DROP FUNCTION @extschema@.nps_trend_combine(double precision[], double precision[]);
DROP FUNCTION @extschema@.nps_trend_final(double precision[]);
DROP FUNCTION @extschema@.nps_trend_p_final(double precision[]);
