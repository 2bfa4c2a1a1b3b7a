-- ---------------------------------------------------------------------
-- Touchpoint correlation: the rating_pairs type
-- ---------------------------------------------------------------------


-- Coefficients and tests.  Created or replaced: the update from 0.1.0 runs
-- this section too, to name the argument (p) that 0.1.0 left unnamed.
-- @section pairs_accessors
CREATE OR REPLACE FUNCTION @extschema@.responses(p @extschema@.rating_pairs) RETURNS bigint
    AS 'MODULE_PATHNAME', 'rating_pairs_responses' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.responses(@extschema@.rating_pairs) IS 'number of (x, y) pairs counted';
-- @foreach name | symbol | comment
--   pearson       | rating_pairs_pearson       | 'Pearson correlation of x and y'
--   spearman      | rating_pairs_spearman      | 'Spearman''s rho: Pearson correlation of mid-ranks, from the margins'
--   kendall_tau   | rating_pairs_kendall_tau   | 'Kendall''s tau-b'
--   goodman_gamma | rating_pairs_goodman_gamma | 'Goodman and Kruskal''s gamma: (concordant - discordant) / (concordant + discordant)'
--   pearson_p     | rating_pairs_pearson_p     | 'two-sided p-value of Pearson''s r (t with n - 2 df)'
--   spearman_p    | rating_pairs_spearman_p    | 'two-sided p-value of Spearman''s rho (t with n - 2 df)'
--   kendall_p     | rating_pairs_kendall_p     | 'two-sided p-value of tau-b, tie-corrected normal approximation'
-- @do
CREATE OR REPLACE FUNCTION @extschema@.{{name}}(p @extschema@.rating_pairs) RETURNS double precision
    AS 'MODULE_PATHNAME', '{{symbol}}' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.{{name}}(@extschema@.rating_pairs) IS {{comment}};
-- @end
-- @foreach name | symbol | comment
--   spearman_lower | rating_pairs_spearman_lower | 'lower end of the Fisher-z interval of Spearman''s rho (SE 1 / sqrt(n - 3))'
--   spearman_upper | rating_pairs_spearman_upper | 'upper end of the Fisher-z interval of Spearman''s rho (SE 1 / sqrt(n - 3))'
-- @do
CREATE OR REPLACE FUNCTION @extschema@.{{name}}(p @extschema@.rating_pairs, confidence double precision DEFAULT 0.95)
    RETURNS double precision
    AS 'MODULE_PATHNAME', '{{symbol}}' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.{{name}}(@extschema@.rating_pairs, double precision) IS {{comment}};
-- @end
-- @foreach name | symbol | comment
--   cramers_v    | rating_pairs_cramers_v    | 'Cramer''s V of x and y as categories (non-empty rows and columns)'
--   chi_square_p | rating_pairs_chi_square_p | 'p-value of the chi-square test of independence, without continuity correction'
-- @do
CREATE OR REPLACE FUNCTION @extschema@.{{name}}(p @extschema@.rating_pairs) RETURNS double precision
    AS 'MODULE_PATHNAME', '{{symbol}}' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.{{name}}(@extschema@.rating_pairs) IS {{comment}};
-- @end
-- @foreach name | symbol | comment
--   x_ratings | rating_pairs_x_ratings | 'the x margin as a ratings summary on lo..hi'
--   y_ratings | rating_pairs_y_ratings | 'the y margin as a ratings summary on lo..hi, so nps(y_ratings(p, 0, 10)) works'
-- @do
CREATE OR REPLACE FUNCTION @extschema@.{{name}}(p @extschema@.rating_pairs, lo integer, hi integer) RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', '{{symbol}}' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.{{name}}(@extschema@.rating_pairs, integer, integer) IS {{comment}};
-- @end

-- @endsection
-- Aggregate support
-- (rating_pairs_final, rating_pairs_combine and rating_pairs_rollup_trans:
-- 05-types.sql)
CREATE FUNCTION @extschema@.rating_pairs_rollup_inv(@extschema@.rating_pairs, @extschema@.rating_pairs)
    RETURNS @extschema@.rating_pairs
    AS 'MODULE_PATHNAME', 'rating_pairs_rollup_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rating_pairs_rollup_inv(@extschema@.rating_pairs, @extschema@.rating_pairs) IS
    'inverse transition function of rollup(rating_pairs)';

-- For each score type:
-- @foreach score | rating_pairs_trans | rating_pairs_inv
--   smallint         | rating_pairs_trans_int2 | rating_pairs_inv_int2
--   integer          | rating_pairs_trans_int4 | rating_pairs_inv_int4
--   bigint           | rating_pairs_trans_int8 | rating_pairs_inv_int8
--   numeric          | rating_pairs_trans_numeric | rating_pairs_inv_numeric
--   double precision | rating_pairs_trans_float8 | rating_pairs_inv_float8
-- @do
CREATE FUNCTION @extschema@.rating_pairs_trans(@extschema@.rating_pairs, {{score}}, {{score}})
    RETURNS @extschema@.rating_pairs
    AS 'MODULE_PATHNAME', '{{rating_pairs_trans}}' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rating_pairs_trans(@extschema@.rating_pairs, {{score}}, {{score}}) IS
    'transition function of the rating_pairs aggregates';
CREATE FUNCTION @extschema@.rating_pairs_inv(@extschema@.rating_pairs, {{score}}, {{score}})
    RETURNS @extschema@.rating_pairs
    AS 'MODULE_PATHNAME', '{{rating_pairs_inv}}' LANGUAGE C IMMUTABLE PARALLEL SAFE;
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

-- @section pairs_rollup
CREATE OR REPLACE AGGREGATE @extschema@.rollup(p @extschema@.rating_pairs) (
    SFUNC = @extschema@.rating_pairs_rollup_trans, STYPE = @extschema@.rating_pairs,
    FINALFUNC = @extschema@.rating_pairs_final, COMBINEFUNC = @extschema@.rating_pairs_combine,
    MSFUNC = @extschema@.rating_pairs_rollup_trans, MINVFUNC = @extschema@.rating_pairs_rollup_inv,
    MSTYPE = @extschema@.rating_pairs, MFINALFUNC = @extschema@.rating_pairs_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.rating_pairs) IS 'sum of stored rating_pairs tables';
-- @endsection

