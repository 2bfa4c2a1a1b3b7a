-- ---------------------------------------------------------------------
-- The summary types: every one has the same slots (README.md: "Layout")
-- ---------------------------------------------------------------------

-- Each type's text and binary I/O.  The rows are sections of their own so
-- that the upgrade script (sql/upgrade/) reads them from here too: the
-- types of 0.1.0, whose I/O functions get comments, and nps_trend_state,
-- new in 0.2.0.
-- @foreach type | in | out | recv | send | storage | what
-- @section released_types
--   ratings         | ratings_in         | ratings_out         | ratings_recv         | ratings_send         | extended | 'distribution of answers on one integer scale lo..hi: exact count and weight sum per scale point'
--   rating_pairs    | rating_pairs_in    | rating_pairs_out    | rating_pairs_recv    | rating_pairs_send    | extended | 'joint distribution of two integer answers: an exact count per (x, y) cell, at most 101 distinct values per axis'
--   driver_matrix   | driver_matrix_in   | driver_matrix_out   | driver_matrix_recv   | driver_matrix_send   | extended | 'pairwise-complete co-moments of up to 32 drivers and one outcome, for key driver analysis'
-- @endsection
-- @section new_types
--   nps_trend_state | nps_trend_state_in | nps_trend_state_out | nps_trend_state_recv | nps_trend_state_send | plain    | 'state of nps_trend and nps_trend_p: count, means and co-moments of the answers'' times and NPS values'
--   term_ratings    | term_ratings_in    | term_ratings_out    | term_ratings_recv    | term_ratings_send    | extended | 'for every term of the comments (tsvector lexeme or tag), the score distribution of the responses that mention it, beside that of all responses'
-- @endsection
-- @do
-- @section type
CREATE TYPE @extschema@.{{type}};

CREATE FUNCTION @extschema@.{{in}}(cstring) RETURNS @extschema@.{{type}}
    AS 'MODULE_PATHNAME', '{{in}}' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.{{out}}(@extschema@.{{type}}) RETURNS cstring
    AS 'MODULE_PATHNAME', '{{out}}' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.{{recv}}(internal) RETURNS @extschema@.{{type}}
    AS 'MODULE_PATHNAME', '{{recv}}' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.{{send}}(@extschema@.{{type}}) RETURNS bytea
    AS 'MODULE_PATHNAME', '{{send}}' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.{{type}} (
    INPUT = @extschema@.{{in}},
    OUTPUT = @extschema@.{{out}},
    RECEIVE = @extschema@.{{recv}},
    SEND = @extschema@.{{send}},
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = {{storage}}
);
COMMENT ON TYPE @extschema@.{{type}} IS {{what}};
-- @endsection
-- @section type_comments
COMMENT ON FUNCTION @extschema@.{{in}}(cstring) IS
    'text input of {{type}}: the same values as binary input accepts';
COMMENT ON FUNCTION @extschema@.{{out}}(@extschema@.{{type}}) IS
    'text output of {{type}}: exact, whatever extra_float_digits says';
COMMENT ON FUNCTION @extschema@.{{recv}}(internal) IS
    'binary input of {{type}}: the same values as text input accepts';
COMMENT ON FUNCTION @extschema@.{{send}}(@extschema@.{{type}}) IS 'binary output of {{type}}';
-- @endsection
-- @end

-- Each type's jsonb cast, for BI tools.
-- @foreach type | to_jsonb | what
-- @section jsonb_casts
--   ratings       | ratings_to_jsonb       | 'the summary as jsonb: lo, hi, responses, total_weight, weighted, counts, weights, sum_sq_weights'
--   rating_pairs  | rating_pairs_to_jsonb  | 'the table as jsonb: responses, x values, y values, counts per x row'
--   driver_matrix | driver_matrix_to_jsonb | 'the matrix as jsonb: k, responses, y (outcome moments), x (driver moments), xy and xx (pair co-moments)'
-- @endsection
-- @section new_jsonb_casts
--   term_ratings  | term_ratings_to_jsonb  | 'the summary as jsonb: lo, hi, responses, counts, terms (the counts per scale point of each term)'
-- @endsection
-- @do
-- @section jsonb_cast
CREATE FUNCTION @extschema@.{{to_jsonb}}(@extschema@.{{type}}) RETURNS jsonb
    AS 'MODULE_PATHNAME', '{{to_jsonb}}' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.{{to_jsonb}}(@extschema@.{{type}}) IS {{what}};
CREATE CAST (@extschema@.{{type}} AS jsonb) WITH FUNCTION @extschema@.{{to_jsonb}}(@extschema@.{{type}});
-- @endsection
-- @section cast_comment
COMMENT ON CAST (@extschema@.{{type}} AS jsonb) IS '{{type}} as jsonb, for BI tools: see {{to_jsonb}}';
-- @endsection
-- @end

-- a + b for every summary type but the trend state, for incremental loads
-- (ON CONFLICT ... DO UPDATE SET s = t.s + EXCLUDED.s): the same checks as
-- rollup of the two; a NULL side gives the other.  (New in 0.2.0: the
-- upgrade script includes these sections.)
-- @foreach type | plus | operands | what
-- @section plus_types
--   ratings       | ratings_plus       | LEFTARG = @extschema@.ratings, RIGHTARG = @extschema@.ratings, COMMUTATOR = OPERATOR(@extschema@.+) | 'the summary of the answers of both (as rollup of the two; NULL + b is b)'
--   rating_pairs  | rating_pairs_plus  | LEFTARG = @extschema@.rating_pairs, RIGHTARG = @extschema@.rating_pairs, COMMUTATOR = OPERATOR(@extschema@.+) | 'the joint count table of the rows of both (as rollup of the two; NULL + b is b)'
--   driver_matrix | driver_matrix_plus | LEFTARG = @extschema@.driver_matrix, RIGHTARG = @extschema@.driver_matrix | 'the matrix of the rows of both (as rollup of the two; NULL + b is b)'
-- @endsection
-- @section plus_new_types
--   term_ratings  | term_ratings_plus  | LEFTARG = @extschema@.term_ratings, RIGHTARG = @extschema@.term_ratings, COMMUTATOR = OPERATOR(@extschema@.+) | 'the summary of the responses of both (as rollup of the two; NULL + b is b)'
-- @endsection
-- @do
-- @section plus
CREATE FUNCTION @extschema@.{{plus}}(a @extschema@.{{type}}, b @extschema@.{{type}}) RETURNS @extschema@.{{type}}
    AS 'MODULE_PATHNAME', '{{plus}}' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.{{plus}}(@extschema@.{{type}}, @extschema@.{{type}}) IS {{what}};
CREATE OPERATOR @extschema@.+ ({{operands}}, FUNCTION = @extschema@.{{plus}});
COMMENT ON OPERATOR @extschema@.+ (@extschema@.{{type}}, @extschema@.{{type}}) IS {{what}};
-- @endsection
-- @end

-- Each type's final function, combine function and rollup transition (the
-- types whose aggregates have a final function; rollup's inverse, where a
-- type has one, is in the type's own file).  The update from 0.1.0 creates
-- the new type's and comments the released ones' from these sections.
-- @foreach type | final | combine | rollup_trans | final_what
-- @section released_support
--   ratings      | ratings_final      | ratings_combine      | ratings_rollup_trans      | 'final function of the ratings aggregates: NULL for a summary without responses'
--   rating_pairs | rating_pairs_final | rating_pairs_combine | rating_pairs_rollup_trans | 'final function of the rating_pairs aggregates: NULL when empty, values without counts dropped'
-- @endsection
-- @section new_support
--   term_ratings | term_ratings_final | term_ratings_combine | term_ratings_rollup_trans | 'final function of the term_ratings aggregates: the stored form, NULL without responses'
-- @endsection
-- @do
-- @section support
CREATE FUNCTION @extschema@.{{final}}(@extschema@.{{type}}) RETURNS @extschema@.{{type}}
    AS 'MODULE_PATHNAME', '{{final}}' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.{{combine}}(@extschema@.{{type}}, @extschema@.{{type}})
    RETURNS @extschema@.{{type}}
    AS 'MODULE_PATHNAME', '{{combine}}' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.{{rollup_trans}}(@extschema@.{{type}}, @extschema@.{{type}})
    RETURNS @extschema@.{{type}}
    AS 'MODULE_PATHNAME', '{{rollup_trans}}' LANGUAGE C IMMUTABLE PARALLEL SAFE;
-- @endsection
-- @section support_comments
COMMENT ON FUNCTION @extschema@.{{final}}(@extschema@.{{type}}) IS {{final_what}};
COMMENT ON FUNCTION @extschema@.{{combine}}(@extschema@.{{type}}, @extschema@.{{type}}) IS
    'combine function of the {{type}} aggregates and of rollup({{type}}): the sum of two summaries';
COMMENT ON FUNCTION @extschema@.{{rollup_trans}}(@extschema@.{{type}}, @extschema@.{{type}}) IS
    'transition function of rollup({{type}}): the state plus one stored value, which it validates';
-- @endsection
-- @end
