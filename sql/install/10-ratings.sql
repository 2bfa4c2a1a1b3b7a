-- ---------------------------------------------------------------------
-- The ratings type: the distribution of answers on one integer scale
-- ---------------------------------------------------------------------

CREATE TYPE @extschema@.ratings;

CREATE FUNCTION @extschema@.ratings_in(cstring) RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ratings_out(@extschema@.ratings) RETURNS cstring
    AS 'MODULE_PATHNAME', 'ratings_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ratings_recv(internal) RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ratings_send(@extschema@.ratings) RETURNS bytea
    AS 'MODULE_PATHNAME', 'ratings_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.ratings (
    INPUT = @extschema@.ratings_in,
    OUTPUT = @extschema@.ratings_out,
    RECEIVE = @extschema@.ratings_recv,
    SEND = @extschema@.ratings_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.ratings IS
    'distribution of answers on one integer scale lo..hi: exact count and weight sum per scale point';

CREATE FUNCTION @extschema@.ratings_to_jsonb(@extschema@.ratings) RETURNS jsonb
    AS 'MODULE_PATHNAME', 'ratings_to_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_to_jsonb(@extschema@.ratings) IS
    'the summary as jsonb: lo, hi, responses, total_weight, weighted, counts, weights, sum_sq_weights';
CREATE CAST (@extschema@.ratings AS jsonb)
    WITH FUNCTION @extschema@.ratings_to_jsonb(@extschema@.ratings);

-- Accessors ------------------------------------------------------------

CREATE FUNCTION @extschema@.responses(@extschema@.ratings) RETURNS bigint
    AS 'MODULE_PATHNAME', 'ratings_responses_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.responses(@extschema@.ratings) IS 'number of responses';

CREATE FUNCTION @extschema@.total_weight(@extschema@.ratings) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_total_weight_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.total_weight(@extschema@.ratings) IS
    'sum of the weights (the number of responses for an unweighted summary)';

CREATE FUNCTION @extschema@.nps(@extschema@.ratings) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_nps' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps(@extschema@.ratings) IS
    'Net Promoter Score, -100..100: % promoters (9-10) minus % detractors (0-6); 0..10 summaries only';

CREATE FUNCTION @extschema@.promoters(@extschema@.ratings) RETURNS bigint
    AS 'MODULE_PATHNAME', 'ratings_promoters' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.promoters(@extschema@.ratings) IS 'number of 9-10 answers (0..10 summaries)';
CREATE FUNCTION @extschema@.passives(@extschema@.ratings) RETURNS bigint
    AS 'MODULE_PATHNAME', 'ratings_passives' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.passives(@extschema@.ratings) IS 'number of 7-8 answers (0..10 summaries)';
CREATE FUNCTION @extschema@.detractors(@extschema@.ratings) RETURNS bigint
    AS 'MODULE_PATHNAME', 'ratings_detractors' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.detractors(@extschema@.ratings) IS 'number of 0-6 answers (0..10 summaries)';

CREATE FUNCTION @extschema@.promoter_pct(@extschema@.ratings) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_promoter_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.promoter_pct(@extschema@.ratings) IS '% of 9-10 answers, weighted (0..10 summaries)';
CREATE FUNCTION @extschema@.passive_pct(@extschema@.ratings) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_passive_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.passive_pct(@extschema@.ratings) IS '% of 7-8 answers, weighted (0..10 summaries)';
CREATE FUNCTION @extschema@.detractor_pct(@extschema@.ratings) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_detractor_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.detractor_pct(@extschema@.ratings) IS '% of 0-6 answers, weighted (0..10 summaries)';

CREATE FUNCTION @extschema@.mean(@extschema@.ratings) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean(@extschema@.ratings) IS 'weighted mean score';
CREATE FUNCTION @extschema@.stddev(@extschema@.ratings) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_stddev' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stddev(@extschema@.ratings) IS
    'sample standard deviation; weighted: sum w(x-mean)^2 / (W - sum w^2/W)';
CREATE FUNCTION @extschema@.median(@extschema@.ratings) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_median' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.median(@extschema@.ratings) IS
    'the middle answer, or the mean of the two middle answers when their number is even';

CREATE FUNCTION @extschema@.top_box(@extschema@.ratings, boxes integer DEFAULT 2) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_top_box' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.top_box(@extschema@.ratings, integer) IS
    '% of answers in the top `boxes` points of the scale';
CREATE FUNCTION @extschema@.bottom_box(@extschema@.ratings, boxes integer DEFAULT 2) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_bottom_box' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bottom_box(@extschema@.ratings, integer) IS
    '% of answers in the bottom `boxes` points of the scale';
CREATE FUNCTION @extschema@.csat(@extschema@.ratings) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_csat' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat(@extschema@.ratings) IS
    'customer satisfaction: % of answers in the top two points (4-5 on 1..5)';
CREATE FUNCTION @extschema@.ces(@extschema@.ratings) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces(@extschema@.ratings) IS 'customer effort score: the mean answer';
CREATE FUNCTION @extschema@.satisfaction_index(@extschema@.ratings) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ratings_satisfaction_index' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.satisfaction_index(@extschema@.ratings) IS
    'mean rescaled to 0..100: 100 * (mean - lo) / (hi - lo)';

CREATE FUNCTION @extschema@.histogram(@extschema@.ratings,
        OUT score integer, OUT responses bigint, OUT weight double precision, OUT pct double precision)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'ratings_histogram' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 11;
COMMENT ON FUNCTION @extschema@.histogram(@extschema@.ratings) IS
    'one row per scale point: score, responses, weight, % of the total weight';

-- Aggregate support ----------------------------------------------------

CREATE FUNCTION @extschema@.ratings_final(@extschema@.ratings) RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_final(@extschema@.ratings) IS
    'final function of the ratings aggregates: NULL for a summary without responses';
CREATE FUNCTION @extschema@.ratings_combine(@extschema@.ratings, @extschema@.ratings)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_combine(@extschema@.ratings, @extschema@.ratings) IS
    'combine function of the ratings aggregates: the sum of two summaries on one scale';
CREATE FUNCTION @extschema@.ratings_rollup_trans(@extschema@.ratings, @extschema@.ratings)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_rollup_trans' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_rollup_trans(@extschema@.ratings, @extschema@.ratings) IS
    'transition function of rollup(ratings)';
CREATE FUNCTION @extschema@.ratings_rollup_inv(@extschema@.ratings, @extschema@.ratings)
    RETURNS @extschema@.ratings
    AS 'MODULE_PATHNAME', 'ratings_rollup_inv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratings_rollup_inv(@extschema@.ratings, @extschema@.ratings) IS
    'inverse transition function of rollup(ratings) for moving window frames';

-- Transition functions and aggregates, for each score type. Generated here
-- rather than written out 70 times; every name is schema-qualified.
DO $$
DECLARE
    t record;
    a record;
    zeros text;
    wzeros text;
BEGIN
    FOR t IN SELECT * FROM (VALUES
            ('smallint', 'int2'), ('integer', 'int4'), ('bigint', 'int8'),
            ('numeric', 'numeric'), ('double precision', 'float8')) AS v(sqltype, suffix)
    LOOP
        EXECUTE pg_catalog.format($f$
            CREATE FUNCTION @extschema@.ratings_trans(@extschema@.ratings, %1$s) RETURNS @extschema@.ratings
                AS 'MODULE_PATHNAME', 'ratings_trans_%2$s' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
            COMMENT ON FUNCTION @extschema@.ratings_trans(@extschema@.ratings, %1$s) IS
                'transition function: the summary with one more response';
            CREATE FUNCTION @extschema@.ratings_inv(@extschema@.ratings, %1$s) RETURNS @extschema@.ratings
                AS 'MODULE_PATHNAME', 'ratings_inv_%2$s' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
            COMMENT ON FUNCTION @extschema@.ratings_inv(@extschema@.ratings, %1$s) IS
                'inverse transition function: the summary with one response removed';
            CREATE FUNCTION @extschema@.ratings_trans(@extschema@.ratings, %1$s, double precision)
                RETURNS @extschema@.ratings
                AS 'MODULE_PATHNAME', 'ratings_wtrans_%2$s' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
            COMMENT ON FUNCTION @extschema@.ratings_trans(@extschema@.ratings, %1$s, double precision) IS
                'transition function: the summary with one more weighted response';
            CREATE FUNCTION @extschema@.ratings_inv(@extschema@.ratings, %1$s, double precision)
                RETURNS @extschema@.ratings
                AS 'MODULE_PATHNAME', 'ratings_winv_%2$s' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
            COMMENT ON FUNCTION @extschema@.ratings_inv(@extschema@.ratings, %1$s, double precision) IS
                'inverse transition function: one weighted response removed, or NULL where the weight sums would not be exact';
            CREATE FUNCTION @extschema@.ratings_agg_trans(@extschema@.ratings, %1$s, integer, integer)
                RETURNS @extschema@.ratings
                AS 'MODULE_PATHNAME', 'ratings_agg_trans_%2$s' LANGUAGE C IMMUTABLE PARALLEL SAFE;
            COMMENT ON FUNCTION @extschema@.ratings_agg_trans(@extschema@.ratings, %1$s, integer, integer) IS
                'transition function of ratings_agg';
            CREATE FUNCTION @extschema@.ratings_agg_inv(@extschema@.ratings, %1$s, integer, integer)
                RETURNS @extschema@.ratings
                AS 'MODULE_PATHNAME', 'ratings_agg_inv_%2$s' LANGUAGE C IMMUTABLE PARALLEL SAFE;
            COMMENT ON FUNCTION @extschema@.ratings_agg_inv(@extschema@.ratings, %1$s, integer, integer) IS
                'inverse transition function of ratings_agg';
            CREATE FUNCTION @extschema@.ratings_agg_trans(@extschema@.ratings, %1$s, integer, integer, double precision)
                RETURNS @extschema@.ratings
                AS 'MODULE_PATHNAME', 'ratings_agg_wtrans_%2$s' LANGUAGE C IMMUTABLE PARALLEL SAFE;
            COMMENT ON FUNCTION @extschema@.ratings_agg_trans(@extschema@.ratings, %1$s, integer, integer, double precision) IS
                'transition function of the weighted ratings_agg';
            CREATE FUNCTION @extschema@.ratings_agg_inv(@extschema@.ratings, %1$s, integer, integer, double precision)
                RETURNS @extschema@.ratings
                AS 'MODULE_PATHNAME', 'ratings_agg_winv_%2$s' LANGUAGE C IMMUTABLE PARALLEL SAFE;
            COMMENT ON FUNCTION @extschema@.ratings_agg_inv(@extschema@.ratings, %1$s, integer, integer, double precision) IS
                'inverse transition function of the weighted ratings_agg';

            CREATE AGGREGATE @extschema@.ratings_agg(%1$s, integer, integer) (
                SFUNC = @extschema@.ratings_agg_trans, STYPE = @extschema@.ratings,
                FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
                MSFUNC = @extschema@.ratings_agg_trans, MINVFUNC = @extschema@.ratings_agg_inv,
                MSTYPE = @extschema@.ratings, MFINALFUNC = @extschema@.ratings_final,
                PARALLEL = SAFE);
            COMMENT ON AGGREGATE @extschema@.ratings_agg(%1$s, integer, integer) IS
                'summary of the scores on the scale lo..hi (at most 101 points)';
            CREATE AGGREGATE @extschema@.ratings_agg(%1$s, integer, integer, double precision) (
                SFUNC = @extschema@.ratings_agg_trans, STYPE = @extschema@.ratings,
                FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
                MSFUNC = @extschema@.ratings_agg_trans, MINVFUNC = @extschema@.ratings_agg_inv,
                MSTYPE = @extschema@.ratings, MFINALFUNC = @extschema@.ratings_final,
                PARALLEL = SAFE);
            COMMENT ON AGGREGATE @extschema@.ratings_agg(%1$s, integer, integer, double precision) IS
                'weighted summary of the scores on the scale lo..hi (at most 101 points)';
            $f$, t.sqltype, t.suffix);

        -- Aggregates on a fixed scale: the state starts as an empty summary.
        FOR a IN SELECT * FROM (VALUES
                ('nps',        0, 10, 'nps',           'Net Promoter Score of 0-10 answers, -100..100'),
                ('ces',        1,  7, 'ces',           'customer effort score: mean of 1-7 answers (CES 2.0, higher is easier)'),
                ('csat',       1,  5, 'csat',          'customer satisfaction: % of 4-5 answers on 1..5'),
                ('nps_agg',    0, 10, 'ratings_final', 'summary of 0-10 recommend answers'),
                ('effort_agg', 1,  7, 'ratings_final', 'summary of 1-7 effort answers'),
                ('csat_agg',   1,  5, 'ratings_final', 'summary of 1-5 satisfaction answers')
            ) AS v(name, lo, hi, final, what)
        LOOP
            zeros := pg_catalog.array_to_string(pg_catalog.array_fill(0, ARRAY[a.hi - a.lo + 1]), ',');
            wzeros := pg_catalog.format('scale=%s..%s n={%s} w={%s} w2=0', a.lo, a.hi, zeros, zeros);
            zeros := pg_catalog.format('scale=%s..%s n={%s}', a.lo, a.hi, zeros);
            EXECUTE pg_catalog.format($f$
                CREATE AGGREGATE @extschema@.%1$I(%2$s) (
                    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = %3$L,
                    FINALFUNC = @extschema@.%5$I, COMBINEFUNC = @extschema@.ratings_combine,
                    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
                    MSTYPE = @extschema@.ratings, MINITCOND = %3$L, MFINALFUNC = @extschema@.%5$I,
                    PARALLEL = SAFE);
                COMMENT ON AGGREGATE @extschema@.%1$I(%2$s) IS %6$L;
                CREATE AGGREGATE @extschema@.%1$I(%2$s, double precision) (
                    SFUNC = @extschema@.ratings_trans, STYPE = @extschema@.ratings, INITCOND = %4$L,
                    FINALFUNC = @extschema@.%5$I, COMBINEFUNC = @extschema@.ratings_combine,
                    MSFUNC = @extschema@.ratings_trans, MINVFUNC = @extschema@.ratings_inv,
                    MSTYPE = @extschema@.ratings, MINITCOND = %4$L, MFINALFUNC = @extschema@.%5$I,
                    PARALLEL = SAFE);
                COMMENT ON AGGREGATE @extschema@.%1$I(%2$s, double precision) IS %7$L;
                $f$, a.name, t.sqltype, zeros, wzeros, a.final, a.what, 'weighted ' || a.what);
        END LOOP;
    END LOOP;
END
$$;

CREATE AGGREGATE @extschema@.rollup(@extschema@.ratings) (
    SFUNC = @extschema@.ratings_rollup_trans, STYPE = @extschema@.ratings,
    FINALFUNC = @extschema@.ratings_final, COMBINEFUNC = @extschema@.ratings_combine,
    MSFUNC = @extschema@.ratings_rollup_trans, MINVFUNC = @extschema@.ratings_rollup_inv,
    MSTYPE = @extschema@.ratings, MFINALFUNC = @extschema@.ratings_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.ratings) IS
    'sum of stored summaries on one scale (different scales are an error)';
