-- ---------------------------------------------------------------------
-- Touchpoint correlation: the rating_pairs type
-- ---------------------------------------------------------------------

CREATE TYPE @extschema@.rating_pairs;
CREATE FUNCTION @extschema@.rating_pairs_in(cstring) RETURNS @extschema@.rating_pairs
    AS 'MODULE_PATHNAME', 'rating_pairs_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.rating_pairs_out(@extschema@.rating_pairs) RETURNS cstring
    AS 'MODULE_PATHNAME', 'rating_pairs_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.rating_pairs_recv(internal) RETURNS @extschema@.rating_pairs
    AS 'MODULE_PATHNAME', 'rating_pairs_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.rating_pairs_send(@extschema@.rating_pairs) RETURNS bytea
    AS 'MODULE_PATHNAME', 'rating_pairs_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.rating_pairs (
    INPUT = @extschema@.rating_pairs_in, OUTPUT = @extschema@.rating_pairs_out,
    RECEIVE = @extschema@.rating_pairs_recv, SEND = @extschema@.rating_pairs_send,
    INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = extended);
COMMENT ON TYPE @extschema@.rating_pairs IS
    'joint distribution of two integer answers: an exact count per (x, y) cell, at most 101 distinct values per axis';

CREATE FUNCTION @extschema@.rating_pairs_to_jsonb(@extschema@.rating_pairs) RETURNS jsonb
    AS 'MODULE_PATHNAME', 'rating_pairs_to_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rating_pairs_to_jsonb(@extschema@.rating_pairs) IS
    'the table as jsonb: responses, x values, y values, counts per x row';
CREATE CAST (@extschema@.rating_pairs AS jsonb) WITH FUNCTION @extschema@.rating_pairs_to_jsonb(@extschema@.rating_pairs);

-- Coefficients and tests
CREATE FUNCTION @extschema@.responses(@extschema@.rating_pairs) RETURNS bigint
    AS 'MODULE_PATHNAME', 'rating_pairs_responses' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.responses(@extschema@.rating_pairs) IS 'number of (x, y) pairs counted';
CREATE FUNCTION @extschema@.pearson(@extschema@.rating_pairs) RETURNS double precision
    AS 'MODULE_PATHNAME', 'rating_pairs_pearson' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pearson(@extschema@.rating_pairs) IS 'Pearson correlation of x and y';
CREATE FUNCTION @extschema@.spearman(@extschema@.rating_pairs) RETURNS double precision
    AS 'MODULE_PATHNAME', 'rating_pairs_spearman' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.spearman(@extschema@.rating_pairs) IS
    'Spearman''s rho: Pearson correlation of mid-ranks, from the margins';
CREATE FUNCTION @extschema@.kendall_tau(@extschema@.rating_pairs) RETURNS double precision
    AS 'MODULE_PATHNAME', 'rating_pairs_kendall_tau' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.kendall_tau(@extschema@.rating_pairs) IS 'Kendall''s tau-b';
CREATE FUNCTION @extschema@.goodman_gamma(@extschema@.rating_pairs) RETURNS double precision
    AS 'MODULE_PATHNAME', 'rating_pairs_goodman_gamma' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.goodman_gamma(@extschema@.rating_pairs) IS
    'Goodman and Kruskal''s gamma: (concordant - discordant) / (concordant + discordant)';
CREATE FUNCTION @extschema@.pearson_p(@extschema@.rating_pairs) RETURNS double precision
    AS 'MODULE_PATHNAME', 'rating_pairs_pearson_p' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pearson_p(@extschema@.rating_pairs) IS
    'two-sided p-value of Pearson''s r (t with n - 2 df)';
CREATE FUNCTION @extschema@.spearman_p(@extschema@.rating_pairs) RETURNS double precision
    AS 'MODULE_PATHNAME', 'rating_pairs_spearman_p' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.spearman_p(@extschema@.rating_pairs) IS
    'two-sided p-value of Spearman''s rho (t with n - 2 df)';
CREATE FUNCTION @extschema@.kendall_p(@extschema@.rating_pairs) RETURNS double precision
    AS 'MODULE_PATHNAME', 'rating_pairs_kendall_p' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.kendall_p(@extschema@.rating_pairs) IS
    'two-sided p-value of tau-b, tie-corrected normal approximation';
CREATE FUNCTION @extschema@.spearman_lower(@extschema@.rating_pairs, confidence double precision DEFAULT 0.95)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'rating_pairs_spearman_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.spearman_lower(@extschema@.rating_pairs, double precision) IS
    'lower end of the Fisher-z interval of Spearman''s rho (SE 1 / sqrt(n - 3))';
CREATE FUNCTION @extschema@.spearman_upper(@extschema@.rating_pairs, confidence double precision DEFAULT 0.95)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'rating_pairs_spearman_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.spearman_upper(@extschema@.rating_pairs, double precision) IS
    'upper end of the Fisher-z interval of Spearman''s rho (SE 1 / sqrt(n - 3))';
CREATE FUNCTION @extschema@.cramers_v(@extschema@.rating_pairs) RETURNS double precision
    AS 'MODULE_PATHNAME', 'rating_pairs_cramers_v' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cramers_v(@extschema@.rating_pairs) IS
    'Cramer''s V of x and y as categories (non-empty rows and columns)';
CREATE FUNCTION @extschema@.chi_square_p(@extschema@.rating_pairs) RETURNS double precision
    AS 'MODULE_PATHNAME', 'rating_pairs_chi_square_p' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.chi_square_p(@extschema@.rating_pairs) IS
    'p-value of the chi-square test of independence, without continuity correction';
CREATE FUNCTION @extschema@.x_ratings(@extschema@.rating_pairs, lo integer, hi integer) RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'rating_pairs_x_ratings' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.x_ratings(@extschema@.rating_pairs, integer, integer) IS
    'the x margin as a ratings summary on lo..hi';
CREATE FUNCTION @extschema@.y_ratings(@extschema@.rating_pairs, lo integer, hi integer) RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'rating_pairs_y_ratings' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.y_ratings(@extschema@.rating_pairs, integer, integer) IS
    'the y margin as a ratings summary on lo..hi, so nps(y_ratings(p, 0, 10)) works';

-- Aggregate support
CREATE FUNCTION @extschema@.rating_pairs_final(@extschema@.rating_pairs) RETURNS @extschema@.rating_pairs
    AS 'MODULE_PATHNAME', 'rating_pairs_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rating_pairs_final(@extschema@.rating_pairs) IS
    'final function of the rating_pairs aggregates: NULL when empty, values without counts dropped';
CREATE FUNCTION @extschema@.rating_pairs_combine(@extschema@.rating_pairs, @extschema@.rating_pairs)
    RETURNS @extschema@.rating_pairs
    AS 'MODULE_PATHNAME', 'rating_pairs_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rating_pairs_combine(@extschema@.rating_pairs, @extschema@.rating_pairs) IS
    'combine function of the rating_pairs aggregates';
CREATE FUNCTION @extschema@.rating_pairs_rollup_trans(@extschema@.rating_pairs, @extschema@.rating_pairs)
    RETURNS @extschema@.rating_pairs
    AS 'MODULE_PATHNAME', 'rating_pairs_rollup_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rating_pairs_rollup_trans(@extschema@.rating_pairs, @extschema@.rating_pairs) IS
    'transition function of rollup(rating_pairs)';
CREATE FUNCTION @extschema@.rating_pairs_rollup_inv(@extschema@.rating_pairs, @extschema@.rating_pairs)
    RETURNS @extschema@.rating_pairs
    AS 'MODULE_PATHNAME', 'rating_pairs_rollup_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rating_pairs_rollup_inv(@extschema@.rating_pairs, @extschema@.rating_pairs) IS
    'inverse transition function of rollup(rating_pairs)';

-- For each score type:
-- @foreach score | suffix
--   smallint         | int2
--   integer          | int4
--   bigint           | int8
--   numeric          | numeric
--   double precision | float8
-- @do
CREATE FUNCTION @extschema@.rating_pairs_trans(@extschema@.rating_pairs, {{score}}, {{score}})
    RETURNS @extschema@.rating_pairs
    AS 'MODULE_PATHNAME', 'rating_pairs_trans_{{suffix}}' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rating_pairs_trans(@extschema@.rating_pairs, {{score}}, {{score}}) IS
    'transition function of the rating_pairs aggregates';
CREATE FUNCTION @extschema@.rating_pairs_inv(@extschema@.rating_pairs, {{score}}, {{score}})
    RETURNS @extschema@.rating_pairs
    AS 'MODULE_PATHNAME', 'rating_pairs_inv_{{suffix}}' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rating_pairs_inv(@extschema@.rating_pairs, {{score}}, {{score}}) IS
    'inverse transition function of the rating_pairs aggregates';

-- @foreach name | final | what
--   rating_pairs_agg | rating_pairs_final | joint count table of (x, y) answers
--   spearman         | spearman           | Spearman''s rho of x and y, from their joint count table
--   kendall_tau      | kendall_tau        | Kendall''s tau-b of x and y, from their joint count table
-- @do
CREATE AGGREGATE @extschema@.{{name}}(x {{score}}, y {{score}}) (
    SFUNC = @extschema@.rating_pairs_trans, STYPE = @extschema@.rating_pairs,
    FINALFUNC = @extschema@.{{final}}, COMBINEFUNC = @extschema@.rating_pairs_combine,
    MSFUNC = @extschema@.rating_pairs_trans, MINVFUNC = @extschema@.rating_pairs_inv,
    MSTYPE = @extschema@.rating_pairs, MFINALFUNC = @extschema@.{{final}},
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.{{name}}({{score}}, {{score}}) IS '{{what}}';
-- @end
-- @end

CREATE AGGREGATE @extschema@.rollup(@extschema@.rating_pairs) (
    SFUNC = @extschema@.rating_pairs_rollup_trans, STYPE = @extschema@.rating_pairs,
    FINALFUNC = @extschema@.rating_pairs_final, COMBINEFUNC = @extschema@.rating_pairs_combine,
    MSFUNC = @extschema@.rating_pairs_rollup_trans, MINVFUNC = @extschema@.rating_pairs_rollup_inv,
    MSTYPE = @extschema@.rating_pairs, MFINALFUNC = @extschema@.rating_pairs_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.rating_pairs) IS 'sum of stored rating_pairs tables';

-- @section plus
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
-- @endsection
