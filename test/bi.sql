-- BI tools and an install in a schema of its own (README.md: "Installing"
-- and "BI tools"): the quick start with the extension in schema loyalty,
-- beside a table named ratings; the README's BI queries as prepared
-- statements with parameters of each type a driver sends.
\ir helpers.psql
SELECT plan(20);

-- A table named ratings where the extension would go makes CREATE
-- EXTENSION fail (every table has a row type of its name) ...
DROP EXTENSION loyalty CASCADE;   -- with the helpers that use its types
CREATE TABLE ratings (id int, stars int);
SELECT throws_ok('CREATE EXTENSION loyalty', '42710', NULL,
                 'a table named ratings in the target schema: CREATE EXTENSION fails');
-- ... and in a schema of its own it does not.
CREATE SCHEMA loyalty;
CREATE EXTENSION loyalty SCHEMA loyalty;
SET LOCAL search_path = public, loyalty;
SELECT is((SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'loyalty'), 'loyalty',
          'installed in schema loyalty, beside public.ratings');

-- The quick start.  Ten answers: recommend 10, 9, 9, 8, 7, 6, 5, 10, 3, 9
-- on two touchpoints.
CREATE TABLE responses (
    customer_id  int,
    touchpoint   text,
    answered_at  timestamptz,
    recommend    smallint,
    effort       smallint,
    satisfaction smallint
);
INSERT INTO responses VALUES
    (1, 'order',    '2026-11-01', 10, 7, 5),
    (2, 'order',    '2026-11-02',  9, 6, 5),
    (3, 'order',    '2026-11-03',  9, 6, 4),
    (4, 'order',    '2026-11-04',  8, 5, 4),
    (5, 'order',    '2026-11-05',  7, 5, 3),
    (6, 'delivery', '2026-11-01',  6, 4, 3),
    (7, 'delivery', '2026-11-02',  5, 3, 2),
    (8, 'delivery', '2026-11-03', 10, 7, 5),
    (9, 'delivery', '2026-11-04',  3, 1, 1),
    (10, 'delivery', '2026-11-05', 9, 6, 4);
-- order: 3 promoters (10, 9, 9), 2 passives, no detractor: NPS 60;
-- mean effort (7+6+6+5+5)/5 = 5.8; satisfaction 4-5: 4 of 5 = 80 %.
-- delivery: 2 promoters (10, 9), 3 detractors (6, 5, 3): NPS -20;
-- effort (4+3+7+1+6)/5 = 4.2; satisfaction 4-5: 2 of 5 = 40 %.
SELECT results_eq(
    'SELECT touchpoint, nps(recommend), ces(effort), csat(satisfaction) FROM responses GROUP BY touchpoint ORDER BY touchpoint',
    $$VALUES ('delivery', -20::float8, 4.2::float8, 40::float8), ('order', 60, 5.8, 80)$$,
    'quick start: the everyday metrics by touchpoint, the extension in its own schema');
-- All ten: 5 promoters, 2 passives, 3 detractors: NPS 20; promoters 50 %,
-- detractors 30 %; mean 76 / 10 = 7.6; median of 3 5 6 7 8 9 9 9 10 10 is
-- (8 + 9) / 2 = 8.5.
SELECT results_eq(
    'SELECT responses(r), nps(r), promoter_pct(r), detractor_pct(r), mean(r), median(r)
     FROM (SELECT nps_agg(recommend) AS r FROM responses) s',
    $$VALUES (10::bigint, 20::float8, 50::float8, 30::float8, 7.6::float8, 8.5::float8)$$,
    'quick start: everything about one question from one summary');
SELECT is((SELECT count(*) FROM public.ratings), 0::bigint, 'public.ratings is still a table of its own');

-- The README's BI queries as prepared statements, with a parameter of each
-- type a driver sends: int4 (setInt), int8 (setLong), numeric
-- (setBigDecimal), float8 (setDouble), text (setString) and unknown (no
-- declared type, as psqlODBC sends every parameter).  Written with
-- CAST(? AS ...) as README.md advises, every type gives what a literal of
-- the argument's own type gives (a confidence, 0.9, only as the types that
-- can hold it); written bare, an untyped parameter does too (PostgreSQL has
-- no implicit cast from text or bigint to every argument type, hence the
-- advice).
CREATE FUNCTION pg_temp.each_type(call text, arg_type text, arg text, descr text,
                                  types text[] DEFAULT '{int4,int8,numeric,float8,text,unknown,unknown-bare}')
RETURNS text LANGUAGE plpgsql AS $f$
DECLARE
    want text;
    got text;
    t text;
    form text;
    bad text[] := '{}';
BEGIN
    EXECUTE format('SELECT (%s)::text', replace(call, '$1', format('%L::%s', arg, arg_type))) INTO want;
    FOREACH t IN ARRAY types LOOP
        form := CASE WHEN t = 'unknown-bare' THEN call
                     ELSE replace(call, '$1', format('CAST($1 AS %s)', arg_type)) END;
        EXECUTE format('PREPARE bi_q%s AS SELECT (%s)::text',
                       CASE WHEN t LIKE 'unknown%' THEN '' ELSE '(' || t || ')' END, form);
        EXECUTE format('EXECUTE bi_q(%L)', arg) INTO got;
        DEALLOCATE bi_q;
        IF got IS DISTINCT FROM want OR got IS NULL THEN
            bad := bad || format('%s gave %s', t, coalesce(got, 'NULL'));
        END IF;
    END LOOP;
    RETURN ok(cardinality(bad) = 0, descr)
        || CASE WHEN cardinality(bad) > 0
                THEN E'\n' || diag(format('want %s; %s', want, array_to_string(bad, '; '))) ELSE '' END;
END
$f$;

SELECT pg_temp.each_type('(SELECT nps_lower(nps_agg(recommend), $1) FROM responses)', 'double precision', '0.9',
                         'nps_lower(r, $1): a confidence of every non-integer parameter type', '{numeric,float8,text,unknown,unknown-bare}');
SELECT pg_temp.each_type('(SELECT nps_upper(nps_agg(recommend), $1) FROM responses)', 'double precision', '0.9',
                         'nps_upper(r, $1): a confidence of every non-integer parameter type', '{numeric,float8,text,unknown,unknown-bare}');
SELECT pg_temp.each_type('(SELECT top_box(csat_agg(satisfaction), $1) FROM responses)', 'integer', '2',
                         'top_box(r, $1): every parameter type');
SELECT pg_temp.each_type('(SELECT nps_benchmark_test(nps_agg(recommend), $1) FROM responses)', 'double precision', '10',
                         'nps_benchmark_test(r, $1): every parameter type');
SELECT pg_temp.each_type('(SELECT mean_lower(effort_agg(effort), $1) FROM responses)', 'double precision', '0.9',
                         'mean_lower(r, $1): a confidence of every non-integer parameter type', '{numeric,float8,text,unknown,unknown-bare}');
SELECT pg_temp.each_type('(SELECT spearman_lower(rating_pairs_agg(effort, recommend), $1) FROM responses)', 'double precision', '0.9',
                         'spearman_lower(p, $1): a confidence of every non-integer parameter type', '{numeric,float8,text,unknown,unknown-bare}');
SELECT pg_temp.each_type('(SELECT count(*) FROM responses WHERE loyalty_segment(satisfaction, recommend, $1, 9) = ''loyalist'')',
                         'double precision', '4', 'loyalty_segment(s, r, $1, 9): every parameter type');
SELECT pg_temp.each_type('(SELECT count(*) FROM responses WHERE nps_category(recommend) = $1)', 'nps_category', 'promoter',
                         'nps_category(r) = $1: a text or untyped parameter', '{text,unknown,unknown-bare}');

-- The values behind them: the Wald 90% lower end of the ten answers is
-- 20 - z(0.95) sqrt(0.76 / 10) 100 (p+ = 0.5, p- = 0.3, Var = 0.8 - 0.04);
-- top-2 box of satisfaction 5 5 4 4 3 3 2 5 1 4 is 6 of 10; loyalists
-- (satisfaction >= 4, recommend >= 9): answers 1, 2, 3, 8 and 10.
SELECT pg_temp.is_close((SELECT nps_lower(nps_agg(recommend), 0.9, 'wald') FROM responses),
                        20 - 1.6448536269514722 * sqrt(0.076) * 100, 'Wald 90% lower end of the ten answers');
SELECT is((SELECT top_box(csat_agg(satisfaction), 2) FROM responses), 60::float8, 'top-2 box: 6 of 10');
SELECT is((SELECT count(*) FROM responses WHERE loyalty_segment(satisfaction, recommend, 4, 9) = 'loyalist'),
          5::bigint, 'five loyalists');
SELECT is((SELECT count(*) FROM responses WHERE nps_category(recommend) = 'promoter'), 5::bigint,
          'nps_category compares with an untyped literal: five promoters');
-- The enum against a text value needs the cast the README gives.
SELECT throws_ok($$SELECT count(*) FROM responses WHERE nps_category(recommend) = 'promoter'::text$$, '42883',
                 NULL, 'nps_category = text is not defined: cast one side');
SELECT is((SELECT count(*) FROM responses WHERE nps_category(recommend)::text = 'promoter'::text), 5::bigint,
          'nps_category(...)::text = text works');
SELECT throws_ok($$SELECT nps_category('9')$$, '22P02', NULL,
                 'nps_category(''9'') is a cast to the enum: pass a number');

SELECT * FROM finish();
ROLLBACK;
