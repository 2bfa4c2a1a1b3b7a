-- Random mutations of valid driver_matrix literals and binary values, fed to
-- the input and receive functions (pgvector's input fuzz test is the model).
-- Every mutation must either be rejected with an error or be accepted as a
-- value that is valid: it round-trips through text and binary, rolls up,
-- and r_squared and key_drivers either analyse it or refuse it with 22023.
-- The server must survive all of it.
\set QUIET 1
\pset format unaligned
\pset tuples_only true
BEGIN;
\ir helpers.psql
SELECT plan(9);
SELECT setseed(0.5150);

CREATE TEMP TABLE seeds (lit text);
INSERT INTO seeds VALUES
    ('k=1 y=(3,2,2) x={(3,2,2)} xy={(3,2,2,2,2,1)} xx={}'),
    ('k=3 y=(4,2.5,5) x={(3,2,2),(2,3,8),(2,2.5,4.5)} xy={(3,2,2,2,2,1),(2,3,2.5,8,0.5,-2),(2,2.5,2,4.5,2,-3)} xx={(2,2.5,3,0.5,8,2),(2,1.5,2.5,0.5,4.5,-1.5),(1,1,1,0,0,0)}'),
    ('k=1 y=(9223372036854775807,0,0) x={(0,0,0)} xy={(0,0,0,0,0,0)} xx={}');
-- Seeds with awkward doubles: thirds, negative means, large and tiny values.
INSERT INTO seeds
SELECT driver_agg(i / 3.0 - 7, ARRAY[CASE WHEN i % 3 > 0 THEN -i * 1e-5 END, i * i * 1e120, NULL])::text
FROM generate_series(1, 9) i;

-- A seed that analyses: three drivers with gaps, correlated with the outcome.
INSERT INTO seeds
SELECT driver_agg((i * 7 % 11 + i % 5)::float8,
                  ARRAY[i % 5, (i * 3) % 7 + i % 5, CASE WHEN i % 4 > 0 THEN (i * i) % 9 END]::float8[])::text
FROM generate_series(1, 40) i;
CREATE TEMP TABLE analysed (ok boolean);

-- Check one accepted value: round trips, rollup and analysis.  Returns false
-- when something is inconsistent or fails unexpectedly (the caller counts
-- those).  An analysis may refuse a mutant with 22023 (no variance, not
-- positive definite ...), and a rollup of two copies may overflow (22003):
-- errors, not crashes.
CREATE FUNCTION pg_temp.sound(m driver_matrix) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    IF m::text::driver_matrix::text <> m::text THEN RETURN false; END IF;
    IF pg_temp.recv_driver_matrix(driver_matrix_send(m))::text <> m::text THEN RETURN false; END IF;
    PERFORM responses(m), drivers(m), m::jsonb;
    IF responses(m) < 0 OR drivers(m) NOT BETWEEN 1 AND 32 THEN RETURN false; END IF;
    BEGIN
        PERFORM rollup(v) FROM (VALUES (m), (m)) v(v);
    EXCEPTION WHEN numeric_value_out_of_range THEN
        NULL;
    END;
    BEGIN
        PERFORM r_squared(m);
        PERFORM count(*) FROM key_drivers(m);
        INSERT INTO analysed VALUES (true);
    EXCEPTION WHEN invalid_parameter_value THEN
        NULL;
    END;
    RETURN true;
EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'unsound value %: % %', m, SQLSTATE, SQLERRM;
    RETURN false;
END
$$;

CREATE TEMP TABLE text_results (accepted boolean, sound boolean);
DO $$
DECLARE
    alphabet text := '0123456789,{}().-+eE =kyx' || chr(9) || chr(127) || 'é';
    lit text;
    m driver_matrix;
BEGIN
    FOR i IN 1..3000 LOOP
        SELECT s.lit INTO lit FROM seeds s ORDER BY random() LIMIT 1;
        lit := pg_temp.mutate_text(lit, alphabet);
        BEGIN
            m := lit::driver_matrix;
            INSERT INTO text_results VALUES (true, pg_temp.sound(m));
        EXCEPTION WHEN OTHERS THEN
            INSERT INTO text_results VALUES (false, NULL);
        END;
    END LOOP;
END
$$;

SELECT ok(count(*) FILTER (WHERE NOT accepted) > 1000, 'text fuzz: most mutations are rejected') FROM text_results;
SELECT ok(count(*) FILTER (WHERE accepted) > 20, 'text fuzz: some mutations are still valid values') FROM text_results;
SELECT is(count(*) FILTER (WHERE accepted AND NOT sound), 0::bigint,
          'text fuzz: every accepted value round-trips, rolls up and is analysed or refused with 22023') FROM text_results;

CREATE TEMP TABLE bin_results (accepted boolean, sound boolean);
DO $$
DECLARE
    b bytea;
    m driver_matrix;
BEGIN
    FOR i IN 1..600 LOOP
        SELECT driver_matrix_send(s.lit::driver_matrix) INTO b FROM seeds s ORDER BY random() LIMIT 1;
        b := pg_temp.mutate_bytes(b);
        BEGIN
            m := pg_temp.recv_driver_matrix(b);
            INSERT INTO bin_results VALUES (true, pg_temp.sound(m));
        EXCEPTION WHEN OTHERS THEN
            INSERT INTO bin_results VALUES (false, NULL);
        END;
    END LOOP;
END
$$;

SELECT ok(count(*) FILTER (WHERE NOT accepted) > 100, 'binary fuzz: most mutations are rejected') FROM bin_results;
SELECT ok(count(*) FILTER (WHERE accepted) > 5, 'binary fuzz: some mutations are still valid values') FROM bin_results;
SELECT is(count(*) FILTER (WHERE accepted AND NOT sound), 0::bigint,
          'binary fuzz: every accepted value round-trips, rolls up and is analysed or refused with 22023') FROM bin_results;

SELECT ok(count(*) > 20, 'some accepted mutants are analysed, not refused') FROM analysed;
SELECT lives_ok($$SELECT rollup(lit::driver_matrix) FROM seeds WHERE lit LIKE 'k=3 %'$$, 'rollup of the seeds with 3 drivers');
SELECT is((SELECT 1), 1, 'the server is still up');

SELECT * FROM finish();
ROLLBACK;
