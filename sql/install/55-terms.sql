-- ---------------------------------------------------------------------
-- Verbatim themes: the term_ratings type (README.md: "Verbatim themes")
-- ---------------------------------------------------------------------

-- The whole file is one section: the update from 0.1.0 creates the same
-- objects (sql/upgrade/0.1.0--0.2.0.sql includes it).
-- @section terms

-- Accessors ------------------------------------------------------------

CREATE FUNCTION @extschema@.responses(t @extschema@.term_ratings) RETURNS bigint
    AS 'MODULE_PATHNAME', 'term_ratings_responses' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.responses(@extschema@.term_ratings) IS 'number of responses, with or without terms';
CREATE FUNCTION @extschema@.total_ratings(t @extschema@.term_ratings) RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'term_ratings_total_ratings' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.total_ratings(@extschema@.term_ratings) IS
    'the ratings summary of all responses';
CREATE FUNCTION @extschema@.term_ratings(t @extschema@.term_ratings, term text) RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'term_ratings_term_ratings' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.term_ratings(@extschema@.term_ratings, text) IS
    'the ratings summary of the responses that mention term (compared as bytes); NULL when none does';

-- One row per term with enough mentions, in term order (SPEC 4.6).
CREATE FUNCTION @extschema@.theme_impact(t @extschema@.term_ratings, min_mentions integer DEFAULT 10)
    RETURNS TABLE (term text, mentions bigint, mention_pct float8, nps float8, nps_without float8,
                   impact float8, p_value float8, detractor_z float8)
    AS 'MODULE_PATHNAME', 'term_ratings_theme_impact' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
    ROWS 100;
COMMENT ON FUNCTION @extschema@.theme_impact(@extschema@.term_ratings, integer) IS
    'per term mentioned by at least min_mentions responses: mentions, % of responses, NPS with and without it, '
    'NPS points it adds (+) or costs (-) overall, p-value of nps_test between the two groups, and the '
    'Monroe et al. log-odds z of detractors against promoters (+: characteristic of detractors); 0..10 only';

-- Aggregate support ----------------------------------------------------

-- (term_ratings_final, term_ratings_combine and term_ratings_rollup_trans:
-- 05-types.sql)

-- Transition functions and aggregates, for each score type and both forms
-- of the terms: a tsvector's lexemes or a text[] of tags.
-- @foreach score | terms | plain | scaled | what
--   smallint         | tsvector | term_ratings_trans_tsv_int2 | term_ratings_trans_tsv_scaled_int2 | each distinct lexeme counts once per response
--   smallint         | text[]   | term_ratings_trans_tags_int2 | term_ratings_trans_tags_scaled_int2 | each distinct tag counts once per response, NULL tags are ignored
--   integer          | tsvector | term_ratings_trans_tsv_int4 | term_ratings_trans_tsv_scaled_int4 | each distinct lexeme counts once per response
--   integer          | text[]   | term_ratings_trans_tags_int4 | term_ratings_trans_tags_scaled_int4 | each distinct tag counts once per response, NULL tags are ignored
--   bigint           | tsvector | term_ratings_trans_tsv_int8 | term_ratings_trans_tsv_scaled_int8 | each distinct lexeme counts once per response
--   bigint           | text[]   | term_ratings_trans_tags_int8 | term_ratings_trans_tags_scaled_int8 | each distinct tag counts once per response, NULL tags are ignored
--   numeric          | tsvector | term_ratings_trans_tsv_numeric | term_ratings_trans_tsv_scaled_numeric | each distinct lexeme counts once per response
--   numeric          | text[]   | term_ratings_trans_tags_numeric | term_ratings_trans_tags_scaled_numeric | each distinct tag counts once per response, NULL tags are ignored
--   double precision | tsvector | term_ratings_trans_tsv_float8 | term_ratings_trans_tsv_scaled_float8 | each distinct lexeme counts once per response
--   double precision | text[]   | term_ratings_trans_tags_float8 | term_ratings_trans_tags_scaled_float8 | each distinct tag counts once per response, NULL tags are ignored
-- @do
CREATE FUNCTION @extschema@.term_ratings_trans(@extschema@.term_ratings, {{terms}}, {{score}})
    RETURNS @extschema@.term_ratings
    AS 'MODULE_PATHNAME', '{{plain}}' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.term_ratings_trans(@extschema@.term_ratings, {{terms}}, {{score}}) IS
    'transition function of term_ratings_agg on 0..10';
CREATE FUNCTION @extschema@.term_ratings_trans(@extschema@.term_ratings, {{terms}}, {{score}}, integer, integer)
    RETURNS @extschema@.term_ratings
    AS 'MODULE_PATHNAME', '{{scaled}}' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.term_ratings_trans(@extschema@.term_ratings, {{terms}}, {{score}}, integer, integer) IS
    'transition function of term_ratings_agg on the scale lo..hi';
CREATE AGGREGATE @extschema@.term_ratings_agg(terms {{terms}}, score {{score}}) (
    SFUNC = @extschema@.term_ratings_trans, STYPE = @extschema@.term_ratings,
    FINALFUNC = @extschema@.term_ratings_final, COMBINEFUNC = @extschema@.term_ratings_combine,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.term_ratings_agg({{terms}}, {{score}}) IS
    'score distribution on 0..10 of all responses and of the responses that mention each term ({{what}}; a NULL score skips the row)';
CREATE AGGREGATE @extschema@.term_ratings_agg(terms {{terms}}, score {{score}}, lo integer, hi integer) (
    SFUNC = @extschema@.term_ratings_trans, STYPE = @extschema@.term_ratings,
    FINALFUNC = @extschema@.term_ratings_final, COMBINEFUNC = @extschema@.term_ratings_combine,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.term_ratings_agg({{terms}}, {{score}}, integer, integer) IS
    'score distribution on lo..hi of all responses and of the responses that mention each term ({{what}}; a NULL score skips the row)';
-- @end

CREATE AGGREGATE @extschema@.rollup(t @extschema@.term_ratings) (
    SFUNC = @extschema@.term_ratings_rollup_trans, STYPE = @extschema@.term_ratings,
    FINALFUNC = @extschema@.term_ratings_final, COMBINEFUNC = @extschema@.term_ratings_combine,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.term_ratings) IS
    'sum of stored term_ratings summaries on one scale (different scales are an error)';
-- @endsection
