-- Random mutations of valid ratings literals and binary values, fed to the
-- input and receive functions (pgvector's input fuzz test is the model).
-- Every mutation must either be rejected with an error or be accepted as a
-- value that is valid: it round-trips through text and binary, and its
-- accessors run.  The server must survive all of it.
\set QUIET 1
\pset format unaligned
\pset tuples_only true
BEGIN;
\ir helpers.psql
SELECT plan(8);
SELECT setseed(0.20261123);

CREATE TEMP TABLE seeds (lit text);
INSERT INTO seeds VALUES
    ('scale=0..10 n={0,0,1,0,0,0,2,3,4,5,6}'),
    ('scale=1..5 n={1,0,0,2,1} w={1.5,0,0,2,0.5} w2=4.75'),
    ('scale=-3..3 n={9223372036854775806,0,0,0,0,0,1}'),
    ('scale=1..7 n={10,20,30,40,50,60,70} w={1e-300,20,30,40,50,60,7e150} w2=4.9e301'),
    ('scale=7..7 n={3}'),
    -- scales at the ends of the integer range
    ('scale=2147483637..2147483647 n={1,0,0,0,0,0,0,0,0,2,1}'),
    ('scale=-2147483648..-2147483638 n={1,0,0,0,0,0,0,0,0,2,1} w={1,0,0,0,0,0,0,0,0,2,1} w2=6');

-- Check one accepted value: round trips and accessors.  Returns false when
-- something is inconsistent (the caller counts those).
CREATE FUNCTION pg_temp.sound(r ratings) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    IF r::text::ratings::text <> r::text THEN RETURN false; END IF;
    IF pg_temp.recv_ratings(ratings_send(r))::text <> r::text THEN RETURN false; END IF;
    PERFORM responses(r), total_weight(r), mean(r), stddev(r), median(r), top_box(r, 1),
            bottom_box(r, 1), csat(r), satisfaction_index(r), r::jsonb;
    PERFORM count(*) FROM histogram(r);
    IF responses(r) < 0 THEN RETURN false; END IF;
    RETURN true;
END
$$;

CREATE TEMP TABLE text_results (accepted boolean, sound boolean);
DO $$
DECLARE
    alphabet text := '0123456789,{}.-+e =nwsaclx2' || chr(9) || chr(127) || 'é';
    lit text;
    r ratings;
BEGIN
    FOR i IN 1..3000 LOOP
        SELECT s.lit INTO lit FROM seeds s ORDER BY random() LIMIT 1;
        lit := pg_temp.mutate_text(lit, alphabet);
        BEGIN
            r := lit::ratings;
            INSERT INTO text_results VALUES (true, pg_temp.sound(r));
        EXCEPTION WHEN OTHERS THEN
            INSERT INTO text_results VALUES (false, NULL);
        END;
    END LOOP;
END
$$;

SELECT ok(count(*) FILTER (WHERE NOT accepted) > 1000, 'text fuzz: most mutations are rejected') FROM text_results;
SELECT ok(count(*) FILTER (WHERE accepted) > 20, 'text fuzz: some mutations are still valid values') FROM text_results;
SELECT is(count(*) FILTER (WHERE accepted AND NOT sound), 0::bigint,
          'text fuzz: every accepted value round-trips and reads') FROM text_results;

CREATE TEMP TABLE bin_results (accepted boolean, sound boolean);
DO $$
DECLARE
    b bytea;
    r ratings;
BEGIN
    FOR i IN 1..400 LOOP
        SELECT ratings_send(s.lit::ratings) INTO b FROM seeds s ORDER BY random() LIMIT 1;
        b := pg_temp.mutate_bytes(b);
        BEGIN
            r := pg_temp.recv_ratings(b);
            INSERT INTO bin_results VALUES (true, pg_temp.sound(r));
        EXCEPTION WHEN OTHERS THEN
            INSERT INTO bin_results VALUES (false, NULL);
        END;
    END LOOP;
END
$$;

SELECT ok(count(*) FILTER (WHERE NOT accepted) > 100, 'binary fuzz: most mutations are rejected') FROM bin_results;
SELECT ok(count(*) FILTER (WHERE accepted) > 5, 'binary fuzz: some mutations are still valid values') FROM bin_results;
SELECT is(count(*) FILTER (WHERE accepted AND NOT sound), 0::bigint,
          'binary fuzz: every accepted value round-trips and reads') FROM bin_results;

-- Accepted mutants also merge: rollup of every accepted 0..10 value runs.
SELECT lives_ok($$SELECT rollup(lit::ratings) FROM seeds WHERE lit LIKE 'scale=0..10 %'$$, 'rollup after fuzzing');
SELECT is((SELECT 1), 1, 'the server is still up');

SELECT * FROM finish();
ROLLBACK;
