-- Random mutations of valid rating_pairs literals and binary values, fed to
-- the input and receive functions: each is rejected with an error or
-- accepted as a value that round-trips and whose functions run; the server
-- survives all of it.
\set QUIET 1
\pset format unaligned
\pset tuples_only true
BEGIN;
\ir helpers.psql
SELECT plan(5);
SELECT setseed(0.4242);

CREATE TEMP TABLE seeds (lit text);
INSERT INTO seeds VALUES
    ('x={1,2,3} y={0,5,10} n={{1,0,2},{0,3,1},{4,1,0}}'),
    ('x={-5,1000} y={0,10} n={{1,0},{1,2}}'),
    ('x={7} y={9223372036854775806} n={{9223372036854775806}}'),
    ('x={} y={} n={}');

CREATE FUNCTION pg_temp.sound(p rating_pairs) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    IF p::text::rating_pairs::text <> p::text THEN RETURN false; END IF;
    IF pg_temp.recv_pairs(rating_pairs_send(p))::text <> p::text THEN RETURN false; END IF;
    PERFORM responses(p), pearson(p), spearman(p), kendall_tau(p), goodman_gamma(p),
            pearson_p(p), spearman_p(p), kendall_p(p), spearman_lower(p), spearman_upper(p),
            cramers_v(p), chi_square_p(p), p::jsonb;
    RETURN true;
END
$$;

CREATE TEMP TABLE results (kind text, accepted boolean, sound boolean);
DO $$
DECLARE
    alphabet text := '0123456789,{}-+ =xyn' || chr(9);
    lit text;
    b bytea;
    p rating_pairs;
BEGIN
    FOR i IN 1..2000 LOOP
        SELECT s.lit INTO lit FROM seeds s ORDER BY random() LIMIT 1;
        lit := pg_temp.mutate_text(lit, alphabet);
        BEGIN
            p := lit::rating_pairs;
            INSERT INTO results VALUES ('text', true, pg_temp.sound(p));
        EXCEPTION WHEN OTHERS THEN
            INSERT INTO results VALUES ('text', false, NULL);
        END;
    END LOOP;
    FOR i IN 1..300 LOOP
        SELECT rating_pairs_send(s.lit::rating_pairs) INTO b FROM seeds s ORDER BY random() LIMIT 1;
        b := pg_temp.mutate_bytes(b);
        BEGIN
            p := pg_temp.recv_pairs(b);
            INSERT INTO results VALUES ('binary', true, pg_temp.sound(p));
        EXCEPTION WHEN OTHERS THEN
            INSERT INTO results VALUES ('binary', false, NULL);
        END;
    END LOOP;
END
$$;

SELECT ok(count(*) FILTER (WHERE kind = 'text' AND NOT accepted) > 500, 'text fuzz: most mutations are rejected') FROM results;
SELECT ok(count(*) FILTER (WHERE kind = 'text' AND accepted) > 20, 'text fuzz: some mutations are still valid') FROM results;
SELECT ok(count(*) FILTER (WHERE kind = 'binary' AND NOT accepted) > 50, 'binary fuzz: most mutations are rejected') FROM results;
SELECT is(count(*) FILTER (WHERE accepted AND NOT sound), 0::bigint, 'every accepted value round-trips and reads') FROM results;
SELECT is((SELECT 1), 1, 'the server is still up');

SELECT * FROM finish();
ROLLBACK;
