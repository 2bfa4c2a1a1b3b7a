-- loyalty 0.1.0 to 0.2.0: every change to SQL objects since 0.1.0.
-- A fresh 0.2.0 install and an updated 0.1.0 one end up with the same
-- objects (tools/check-upgrade.sh compares their catalogs).
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
