-- Random mutations of valid literals and binary values of every type, fed
-- to its input and receive functions (pgvector's input fuzz test is the
-- model).  Every mutation must either be rejected with an error or be
-- accepted as a sound value v:
--   - its text form reads back to the same value: send(in(out(v))) = send(v);
--   - its binary form reads back to the same bytes: send(recv(send(v))) = send(v);
--   - every accessor runs without error, and every invariant holds;
--   - every refusable accessor runs or refuses v with its own SQLSTATE.
-- The server must survive all of it.
--
-- One generic harness, driven by fuzz_types, one row per type: a new type
-- joins by adding its row (its seeds, alphabet, accessors, counts and
-- thresholds).  The plan follows from that table.
\ir helpers.psql

-- The state the trend aggregates build, for the nps_trend_state seeds.
CREATE AGGREGATE pg_temp.trend_state_of(timestamptz, int) (
    SFUNC = nps_trend_trans, STYPE = nps_trend_state,
    INITCOND = 'n=0 mean_t=0 mean_y=0 stt=0 sty=0 syy=0');

CREATE TEMP TABLE fuzz_types (
    typ regtype PRIMARY KEY,
    random_seed float8 NOT NULL,       -- setseed() before the type's run: runs repeat
    seeds text[] NOT NULL,             -- valid literals, mutated (as text or as their send bytes)
    alphabet text NOT NULL,            -- characters that text mutations replace and insert
    accessors text[] NOT NULL,         -- expressions over v that must run on every accepted value
    invariants text[] NOT NULL DEFAULT '{}',  -- conditions on v that must hold
    refusable jsonb NOT NULL DEFAULT '{}',    -- expression over v -> the SQLSTATE with which it may refuse v
    text_mutations int NOT NULL,
    text_rejected_gt int,              -- thresholds: the count must be greater (NULL: no check)
    text_accepted_gt int,
    binary_mutations int NOT NULL,
    binary_rejected_gt int,
    binary_accepted_gt int,
    analysed_gt int,                   -- sound values that no refusable accessor refused
    rollup_seeds text                  -- after fuzzing, rollup() of the seeds LIKE this must run
);

INSERT INTO fuzz_types VALUES (
    'ratings', 0.20261123,
    ARRAY['scale=0..10 n={0,0,1,0,0,0,2,3,4,5,6}',
          'scale=1..5 n={1,0,0,2,1} w={1.5,0,0,2,0.5} w2=4.75',
          'scale=-3..3 n={9223372036854775806,0,0,0,0,0,1}',
          'scale=1..7 n={10,20,30,40,50,60,70} w={1e-300,20,30,40,50,60,7e150} w2=4.9e301',
          'scale=7..7 n={3}',
          -- scales at the ends of the integer range
          'scale=2147483637..2147483647 n={1,0,0,0,0,0,0,0,0,2,1}',
          'scale=-2147483648..-2147483638 n={1,0,0,0,0,0,0,0,0,2,1} w={1,0,0,0,0,0,0,0,0,2,1} w2=6'],
    '0123456789,{}.-+e =nwsaclx2' || chr(9) || chr(127) || 'é',
    ARRAY['responses(v)', 'total_weight(v)', 'mean(v)', 'stddev(v)', 'median(v)', 'top_box(v, 1)',
          'bottom_box(v, 1)', 'csat(v)', 'satisfaction_index(v)', 'v::jsonb',
          '(SELECT count(*) FROM histogram(v))'],
    ARRAY['responses(v) >= 0'], '{}',
    3000, 1000, 20,
    400, 100, 5,
    -- (This check found that ratings_recv accepted a weight of -0, whose
    -- text form ratings_in refuses; both refuse it now.)
    NULL, 'scale=0..10 %');

INSERT INTO fuzz_types VALUES (
    'rating_pairs', 0.4242,
    ARRAY['x={1,2,3} y={0,5,10} n={{1,0,2},{0,3,1},{4,1,0}}',
          'x={-5,1000} y={0,10} n={{1,0},{1,2}}',
          'x={7} y={9223372036854775806} n={{9223372036854775806}}',
          'x={} y={} n={}'],
    '0123456789,{}-+ =xyn' || chr(9),
    ARRAY['responses(v)', 'pearson(v)', 'spearman(v)', 'kendall_tau(v)', 'goodman_gamma(v)',
          'pearson_p(v)', 'spearman_p(v)', 'kendall_p(v)', 'spearman_lower(v)', 'spearman_upper(v)',
          'cramers_v(v)', 'chi_square_p(v)', 'v::jsonb'],
    '{}', '{}',
    2000, 500, 20,
    300, 50, NULL,
    NULL, NULL);

INSERT INTO fuzz_types VALUES (
    'driver_matrix', 0.5150,
    ARRAY['k=1 y=(3,2,2) x={(3,2,2)} xy={(3,2,2,2,2,1)} xx={}',
          'k=3 y=(4,2.5,5) x={(3,2,2),(2,3,8),(2,2.5,4.5)} xy={(3,2,2,2,2,1),(2,3,2.5,8,0.5,-2),(2,2.5,2,4.5,2,-3)} xx={(2,2.5,3,0.5,8,2),(2,1.5,2.5,0.5,4.5,-1.5),(1,1,1,0,0,0)}',
          'k=1 y=(9223372036854775807,0,0) x={(0,0,0)} xy={(0,0,0,0,0,0)} xx={}',
          -- awkward doubles: thirds, negative means, large and tiny values
          (SELECT driver_agg(i / 3.0 - 7, ARRAY[CASE WHEN i % 3 > 0 THEN -i * 1e-5 END, i * i * 1e120, NULL])::text
           FROM generate_series(1, 9) i),
          -- one that analyses: three drivers with gaps, correlated with the outcome
          (SELECT driver_agg((i * 7 % 11 + i % 5)::float8,
                             ARRAY[i % 5, (i * 3) % 7 + i % 5, CASE WHEN i % 4 > 0 THEN (i * i) % 9 END]::float8[])::text
           FROM generate_series(1, 40) i)],
    '0123456789,{}().-+eE =kyx' || chr(9) || chr(127) || 'é',
    ARRAY['responses(v)', 'drivers(v)', 'v::jsonb'],
    ARRAY['responses(v) >= 0', 'drivers(v) BETWEEN 1 AND 32'],
    -- A rollup of two copies may overflow the counts; an analysis may refuse
    -- a value (no variance, not positive definite ...): errors, not crashes.
    jsonb_build_object('(SELECT rollup(w) FROM (VALUES (v), (v)) x(w))', '22003',
                       'r_squared(v)', '22023',
                       '(SELECT count(*) FROM key_drivers(v))', '22023'),
    3000, 1000, 20,
    600, 100, 5,
    20, 'k=3 %');

INSERT INTO fuzz_types VALUES (
    'nps_trend_state', 0.2711,
    ARRAY['n=0 mean_t=0 mean_y=0 stt=0 sty=0 syy=0',
          'n=2 mean_t=0.5 mean_y=0 stt=0.5 sty=-100 syy=20000',
          -- doubles of 17 digits, as the aggregates build them: one answer,
          -- three before the epoch, seven, a thousand
          (SELECT pg_temp.trend_state_of(timestamptz '2026-01-01 00:00+00', 9)::text),
          (SELECT pg_temp.trend_state_of(timestamptz '1999-12-31 23:59:59.5+00' - i * interval '11 days', (i * 3) % 11)::text
           FROM generate_series(1, 3) i),
          (SELECT pg_temp.trend_state_of(timestamptz '2025-03-01 00:00+00' + i * interval '1 day 3 hours', (i * 5) % 11)::text
           FROM generate_series(1, 7) i),
          (SELECT pg_temp.trend_state_of(timestamptz '2026-01-01 00:00+00' + i * interval '7 hours 13 minutes', (i * 7) % 11)::text
           FROM generate_series(1, 1000) i)],
    '0123456789.-+eE =_nmeatsyNIfi' || chr(9) || chr(127) || 'é',
    ARRAY['nps_trend_final(v)', 'nps_trend_p_final(v)'],
    '{}', '{}',
    3000, 1500, 20,
    600, 300, 5,
    NULL, NULL);

INSERT INTO fuzz_types VALUES (
    'term_ratings', 0.1313,
    ARRAY['scale=0..10 n={0,0,1,0,0,0,1,1,0,1,1} terms={"deliveri":{0,0,0,0,0,0,1,0,0,0,0},"great":{0,0,0,0,0,0,0,0,0,0,1},"invoic":{0,0,1,0,0,0,1,0,0,0,0},"late":{0,0,1,0,0,0,1,0,0,0,0},"slow":{0,0,0,0,0,0,0,1,0,0,0},"support":{0,0,0,0,0,0,0,1,0,0,1}}',
          'scale=1..5 n={0,0,1,1,2} terms={"billing":{0,0,1,0,0},"late":{0,0,1,1,0}}',
          'scale=0..1 n={0,4} terms={"B":{0,1},"a":{0,1},"say \"hi\" \\o/":{0,1},"é":{0,1}}',
          'scale=-2147483648..-2147483646 n={9223372036854775806,0,1} terms={"":{0,0,1},"x":{9223372036854775806,0,0}}',
          'scale=3..3 n={0} terms={}'],
    '0123456789,{}":\ =-.nstermcalabé' || chr(9) || chr(127),
    ARRAY['responses(v)', 'total_ratings(v)', 'term_ratings(v, ''late'')', 'term_ratings(v, '''')', 'v::jsonb'],
    ARRAY['responses(v) >= 0'],
    -- a rollup of two copies may overflow the counts: an error, not a crash;
    -- theme_impact refuses a summary not on 0..10
    jsonb_build_object('(SELECT rollup(w) FROM (VALUES (v), (v)) x(w))', '22003',
                       '(SELECT array_agg(x::text) FROM theme_impact(v, 0) x)', '22023'),
    3000, 1000, 20,
    600, 100, 5,
    NULL, 'scale=0..10 %');

SELECT plan(sum(2 + num_nonnulls(text_rejected_gt, text_accepted_gt, binary_rejected_gt,
                                 binary_accepted_gt, analysed_gt, rollup_seeds))::int + 1)
FROM fuzz_types;

-- make fuzz sets loyalty_test.fuzz_mutations (FUZZ_MUTATIONS, 20,000 by
-- default): at least that many mutations per type, text and binary in the
-- table's proportions.  make test runs the table's counts.
UPDATE fuzz_types f SET text_mutations = f.text_mutations * k, binary_mutations = f.binary_mutations * k
FROM (SELECT typ, ceil(coalesce(nullif(current_setting('loyalty_test.fuzz_mutations', true), ''), '0')::numeric
                       / (text_mutations + binary_mutations))::int AS k
      FROM fuzz_types) s
WHERE f.typ = s.typ AND s.k > 1;

-- One row per mutation; problems says what is wrong with an unsound value.
CREATE TEMP TABLE fuzz_results (typ regtype, kind text, input text, accepted boolean,
                                sound boolean, analysed boolean, problems text[]);

-- Check the accepted value in the one-row table vtab: every problem found
-- (none: sound), and analysed when no refusable accessor refused it.
CREATE FUNCTION pg_temp.check_value(t fuzz_types, vtab text, OUT sound boolean, OUT analysed boolean,
                                    OUT problems text[]) LANGUAGE plpgsql AS $$
DECLARE
    send regproc := (SELECT typsend FROM pg_type WHERE oid = t.typ);
    txt text;
    sb bytea;
    tb bytea;
    rb bytea;
    expr text;
    state text;
    must_hold boolean;
    result text;
BEGIN
    problems := '{}';
    analysed := true;
    BEGIN
        EXECUTE format('SELECT v::text, %s(v) FROM %I', send, vtab) INTO txt, sb;
    EXCEPTION WHEN OTHERS THEN
        problems := problems || format('output fails: %s %s', SQLSTATE, SQLERRM);
    END;
    IF sb IS NOT NULL THEN
        -- send(in(out(v))) = send(v)
        BEGIN
            EXECUTE format('SELECT %s(%L::%s)', send, txt, t.typ) INTO tb;
            IF tb IS DISTINCT FROM sb THEN
                problems := problems || format('text form %L reads back to other bytes: %s, not %s', txt, tb, sb);
            END IF;
        EXCEPTION WHEN OTHERS THEN
            problems := problems || format('text form %L does not read back: %s %s', txt, SQLSTATE, SQLERRM);
        END;
        -- send(recv(send(v))) = send(v)
        BEGIN
            EXECUTE format('SELECT %s(pg_temp.recv($1, NULL::%s))', send, t.typ) INTO rb USING sb;
            IF rb IS DISTINCT FROM sb THEN
                problems := problems || format('binary form %s reads back to other bytes: %s', sb, rb);
            END IF;
        EXCEPTION WHEN OTHERS THEN
            problems := problems || format('binary form %s does not read back: %s %s', sb, SQLSTATE, SQLERRM);
        END;
    END IF;
    -- The accessors must run, the invariants must also hold (be true), the
    -- refusable ones may refuse v with their own SQLSTATE.
    FOR expr, must_hold, state IN
        SELECT a, false, NULL FROM unnest(t.accessors) a
        UNION ALL SELECT i, true, NULL FROM unnest(t.invariants) i
        UNION ALL SELECT key, false, value FROM jsonb_each_text(t.refusable)
    LOOP
        BEGIN
            EXECUTE format('SELECT %s FROM %I', expr, vtab) INTO result;
            IF must_hold AND result IS DISTINCT FROM 'true' THEN
                problems := problems || format('%s does not hold', expr);
            END IF;
        EXCEPTION WHEN OTHERS THEN
            IF SQLSTATE = state THEN
                analysed := false;
            ELSE
                problems := problems || format('%s fails: %s %s', expr, SQLSTATE, SQLERRM);
            END IF;
        END;
    END LOOP;
    sound := cardinality(problems) = 0;
END
$$;

-- Fuzz one type: its text mutations, then its binary ones.  A seed is drawn
-- and mutated with the random() calls of the three earlier fuzz tests, so
-- with their setseed() values the same mutations are fed.
CREATE FUNCTION pg_temp.fuzz(t fuzz_types) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    vtab text := 'fuzz_value_' || t.typ::oid;
    send regproc := (SELECT typsend FROM pg_type WHERE oid = t.typ);
    lit text;
    b bytea;
    c record;
BEGIN
    EXECUTE format('CREATE TEMP TABLE %I (v %s)', vtab, t.typ);
    PERFORM setseed(t.random_seed);
    FOR i IN 1..t.text_mutations LOOP
        lit := pg_temp.mutate_text((SELECT s FROM unnest(t.seeds) s ORDER BY random() LIMIT 1), t.alphabet);
        BEGIN
            EXECUTE format('INSERT INTO %I VALUES (%L::%s)', vtab, lit, t.typ);
        EXCEPTION WHEN OTHERS THEN
            INSERT INTO fuzz_results VALUES (t.typ, 'text', lit, false);
            CONTINUE;
        END;
        c := pg_temp.check_value(t, vtab);
        INSERT INTO fuzz_results VALUES (t.typ, 'text', lit, true, c.sound, c.analysed, c.problems);
        EXECUTE format('DELETE FROM %I', vtab);
    END LOOP;
    FOR i IN 1..t.binary_mutations LOOP
        EXECUTE format('SELECT %s(%L::%s)', send,
                       (SELECT s FROM unnest(t.seeds) s ORDER BY random() LIMIT 1), t.typ) INTO b;
        b := pg_temp.mutate_bytes(b);
        BEGIN
            EXECUTE format('INSERT INTO %I VALUES (pg_temp.recv($1, NULL::%s))', vtab, t.typ) USING b;
        EXCEPTION WHEN OTHERS THEN
            INSERT INTO fuzz_results VALUES (t.typ, 'binary', b::text, false);
            CONTINUE;
        END;
        c := pg_temp.check_value(t, vtab);
        INSERT INTO fuzz_results VALUES (t.typ, 'binary', b::text, true, c.sound, c.analysed, c.problems);
        EXECUTE format('DELETE FROM %I', vtab);
    END LOOP;
END
$$;

DO $$ BEGIN PERFORM pg_temp.fuzz(t) FROM fuzz_types t ORDER BY typ::text; END $$;

-- The checks of each type, in order, with the counts in their descriptions
-- (pg_prove -v shows them); unsound values are listed with what is wrong.
CREATE FUNCTION pg_temp.fuzz_checks() RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
    t fuzz_types;
    k text;
    rejected_gt int;
    accepted_gt int;
    mutations bigint;
    rejected bigint;
    accepted bigint;
    unsound text[];
BEGIN
    FOR t IN SELECT * FROM fuzz_types ORDER BY typ::text LOOP
        FOREACH k IN ARRAY ARRAY['text', 'binary'] LOOP
            IF k = 'text' THEN
                rejected_gt := t.text_rejected_gt; accepted_gt := t.text_accepted_gt;
            ELSE
                rejected_gt := t.binary_rejected_gt; accepted_gt := t.binary_accepted_gt;
            END IF;
            SELECT count(*), count(*) FILTER (WHERE NOT r.accepted), count(*) FILTER (WHERE r.accepted),
                   coalesce(array_agg(format('%s  <- %s', array_to_string(r.problems, '; '), r.input))
                            FILTER (WHERE NOT r.sound), '{}')
            INTO mutations, rejected, accepted, unsound
            FROM fuzz_results r
            WHERE r.typ = t.typ AND r.kind = k;
            IF rejected_gt IS NOT NULL THEN
                RETURN NEXT cmp_ok(rejected, '>', rejected_gt::bigint,
                                   format('%s %s fuzz: most mutations are rejected (%s of %s)', t.typ, k, rejected, mutations));
            END IF;
            IF accepted_gt IS NOT NULL THEN
                RETURN NEXT cmp_ok(accepted, '>', accepted_gt::bigint,
                                   format('%s %s fuzz: some mutations are still valid values (%s)', t.typ, k, accepted));
            END IF;
            RETURN NEXT is(cardinality(unsound), 0,
                           format('%s %s fuzz: every accepted value reads back to the same bytes from text and binary, and its accessors run (%s of %s sound)',
                                  t.typ, k, accepted - cardinality(unsound), accepted))
                        || CASE WHEN cardinality(unsound) > 0
                                THEN E'\n' || diag(array_to_string(unsound[1:10], E'\n')) ELSE '' END;
        END LOOP;
        IF t.analysed_gt IS NOT NULL THEN
            SELECT count(*) INTO accepted FROM fuzz_results r WHERE r.typ = t.typ AND r.sound AND r.analysed;
            RETURN NEXT cmp_ok(accepted, '>', t.analysed_gt::bigint,
                               format('%s: some accepted mutants are analysed, not refused (%s)', t.typ, accepted));
        END IF;
        IF t.rollup_seeds IS NOT NULL THEN
            RETURN NEXT lives_ok(format('SELECT rollup(s::%s) FROM unnest(%L::text[]) s WHERE s LIKE %L',
                                        t.typ, t.seeds, t.rollup_seeds),
                                 format('%s: rollup after fuzzing', t.typ));
        END IF;
    END LOOP;
END
$$;
SELECT * FROM pg_temp.fuzz_checks();

SELECT is((SELECT 1), 1, 'the server is still up');

SELECT * FROM finish();
ROLLBACK;
