-- The Citus test's checks, run on the coordinator by tools/test-citus.sh
-- after test/citus/setup.sql, once per part:
--
--   psql -v part=aggregates|rollups|pushdown -f test/citus/check.sql
--
-- aggregates: every aggregate signature of the extension (found in the
--     catalog, so a new one is covered without a change here) over the
--     distributed table, called on columns chosen from its argument types:
--     the plan must aggregate partially on the workers (worker_partial_agg
--     in the workers' query, coord_combine_agg on the coordinator), and the
--     result must equal the same query on the local table.
-- rollups: rollup() of each stored summary column of daily, in total and
--     by month, the same two ways.
-- pushdown: every aggregate over answers in one query grouped by the
--     distribution column: the plan must run whole on the workers (no
--     combine on the coordinator), and every group equal the local one.
--
-- Equal means, by the aggregate's state type:
--   counts   (ratings, rating_pairs): bit-identical: the same text form
--            on the coordinator (with extra_float_digits = 3, where a
--            double prints exactly), for summaries and for every double
--            computed from them;
--   drivers  (driver_matrix): every number of the jsonb form within 1e-12
--            relative: the states are Welford moments, which combine in a
--            different order on a cluster, so the last bits differ;
--   trend    (nps_trend_state; double precision[] before it): nps_trend
--            and nps_trend_p within 1e-12 relative for the same reason
--            where the value is 1 or more in magnitude, and within 1e-12
--            absolute below that.  Near 0 both are ill-conditioned: times
--            count in 30-day units from 2000, so the rounding of a 2024
--            mean time (about 300 * 1.1e-16) is some 1e-14 of a year's
--            spread, a relative error of the slope of that over the
--            correlation; and a p-value moves t^2 times as much as the slope
--            (p = 2.3e-83 at t = 19.5 moves by 2e-11 relative when the slope
--            moves by 5e-14).  So a value below 1 is compared on the scale
--            of a probability or of one NPS point per 30 days.  Both the
--            plain relative difference and the one against this bar are
--            printed.
--
-- Prints one line per check:
--   ok|kind|name|category|largest relative difference|largest against the bar|detail
\set ON_ERROR_STOP 1
\set QUIET 1
SET client_min_messages = warning;
SET extra_float_digits = 3;
-- The expected values are the plain serial aggregates over the local
-- tables (no parallel workers on the coordinator).
SET max_parallel_workers_per_gather = 0;
-- The helpers below are this session's own: Citus need not look at them.
SET citus.enable_ddl_propagation = off;
SELECT set_config('loyalty_citus.part', :'part', false) AS part \gset

-- Relative difference of two doubles, |a - b| / max(|a|, |b|, floor): 0
-- when equal (both NULL included), Infinity when only one is NULL, NaN when
-- they cannot be compared.
CREATE FUNCTION pg_temp.reldiff(a double precision, b double precision, floor double precision DEFAULT 0)
RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN a IS NULL AND b IS NULL THEN 0
                WHEN a IS NULL OR b IS NULL THEN 'Infinity'
                WHEN a = b THEN 0
                ELSE abs(a - b) / greatest(abs(a), abs(b), floor) END
$$;

-- The largest relative difference between the numbers of two jsonb values
-- of the same shape, taken in document order (Infinity when the shapes,
-- keys or other values differ).
CREATE FUNCTION pg_temp.jsonb_reldiff(a jsonb, b jsonb, floor double precision DEFAULT 0)
RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN a IS NULL AND b IS NULL THEN 0
        WHEN a IS NULL OR b IS NULL THEN 'Infinity'
        WHEN jsonb_typeof(a) = 'number' AND jsonb_typeof(b) = 'number'
            THEN pg_temp.reldiff(a::double precision, b::double precision, floor)
        WHEN regexp_replace(a::text, '-?[0-9][0-9.]*([eE][-+]?[0-9]+)?', '#', 'g')
             <> regexp_replace(b::text, '-?[0-9][0-9.]*([eE][-+]?[0-9]+)?', '#', 'g') THEN 'Infinity'
        ELSE coalesce((
            SELECT max(pg_temp.reldiff(x.v::double precision, y.v::double precision, floor))
            FROM jsonb_path_query(a, 'strict $.** ? (@.type() == "number")') WITH ORDINALITY x(v, o)
            FULL JOIN jsonb_path_query(b, 'strict $.** ? (@.type() == "number")') WITH ORDINALITY y(v, o)
                ON x.o = y.o), 0) END
$$;

-- The aggregates of the extension: every signature, with its state type.
CREATE TEMP TABLE aggs AS
SELECT p.oid AS fn,
       p.oid::regprocedure::text AS sig,
       quote_ident(n.nspname) || '.' || quote_ident(p.proname) AS qname,
       a.aggtranstype::regtype AS stype,
       a.agginitval AS initval,
       p.prorettype AS rettype,
       ARRAY(SELECT t FROM unnest(p.proargtypes) WITH ORDINALITY u(t, o) ORDER BY o) AS argtypes,
       p.proargnames AS argnames
FROM pg_aggregate a
JOIN pg_proc p ON p.oid = a.aggfnoid
JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid
WHERE e.extname = 'loyalty';

-- How an aggregate's state compares (see the top of this file).
CREATE FUNCTION pg_temp.category(stype regtype) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    CASE stype::text
    WHEN 'ratings', 'rating_pairs', 'term_ratings' THEN RETURN 'counts';
    WHEN 'nps_trend_state', 'double precision[]' THEN RETURN 'trend';
    WHEN 'driver_matrix' THEN RETURN 'drivers';
    ELSE RAISE EXCEPTION 'no comparison rule for aggregates whose state is %', stype;
    END CASE;
END
$$;

-- Which column an argument takes, by the argument's name (every argument
-- has one: test/catalog.sql): score, weight, x, y, at, outcome, drivers,
-- terms (a tsvector or a text[] column), or r, p, m, t for a stored
-- summary; lo and hi take the scale.  A score's scale
-- is the one in the aggregate's initial state (scale=1..7), else 0..10
-- (also the scale given to ratings_agg).  The column is the first of the
-- source table whose type is the argument's and whose name is the prefix,
-- or prefix_<type> (rec_int2); a summary takes the first column of its type.
CREATE TEMP TABLE argmap (role text, scale text, source text, prefix text);
INSERT INTO argmap VALUES
    ('score',   '0..10', 'answers', 'rec'),
    ('score',   '1..7',  'answers', 'eff'),
    ('score',   '1..5',  'answers', 'sat'),
    ('x',       NULL,    'answers', 'x'),
    ('y',       NULL,    'answers', 'y'),
    ('weight',  NULL,    'answers', 'w'),
    ('at',      NULL,    'answers', 'answered_at'),
    ('outcome', NULL,    'answers', 'outcome'),
    ('drivers', NULL,    'answers', 'drivers'),
    ('terms',   NULL,    'answers', 'doc'),
    ('terms',   NULL,    'answers', 'tags'),
    ('r',       NULL,    'daily',   NULL),
    ('t',       NULL,    'daily',   NULL),
    ('p',       NULL,    'daily',   NULL),
    ('m',       NULL,    'daily',   NULL);

-- The call of one aggregate on the columns of its source table: {call, source}.
CREATE FUNCTION pg_temp.agg_call(agg oid) RETURNS text[] LANGUAGE plpgsql AS $$
DECLARE
    g record;
    ascale text;
    arole text;
    t oid;
    m record;
    col text;
    args text[] := '{}';
    src text;
BEGIN
    SELECT * INTO g FROM aggs WHERE fn = agg;
    ascale := coalesce(substring(g.initval FROM 'scale=(-?[0-9]+\.\.-?[0-9]+)'), '0..10');
    FOR i IN 1 .. cardinality(g.argtypes) LOOP
        t := g.argtypes[i];
        arole := nullif(g.argnames[i], '');
        IF arole = 'lo' THEN
            args := args || split_part(ascale, '..', 1);
            CONTINUE;
        ELSIF arole = 'hi' THEN
            args := args || split_part(ascale, '..', 2);
            CONTINUE;
        END IF;
        col := NULL;
        FOR m IN SELECT * FROM argmap a WHERE a.role = arole AND (a.scale IS NULL OR a.scale = ascale) LOOP
            SELECT attname INTO col FROM pg_attribute
            WHERE attrelid = m.source::regclass AND attnum > 0 AND NOT attisdropped AND atttypid = t
              AND (m.prefix IS NULL OR attname IN (m.prefix, m.prefix || '_' || (SELECT typname FROM pg_type WHERE oid = t)))
            ORDER BY attnum LIMIT 1;
            IF col IS NOT NULL THEN
                IF src IS NOT NULL AND src <> m.source THEN
                    RAISE EXCEPTION 'the arguments of % map to columns of two tables, % and %', g.sig, src, m.source;
                END IF;
                src := m.source;
                EXIT;
            END IF;
        END LOOP;
        IF col IS NULL THEN
            RAISE EXCEPTION 'no column mapping for argument % (%, role %, scale %) of aggregate %: add a column to test/citus/setup.sql or a role to argmap in test/citus/check.sql',
                i, t::regtype, coalesce(arole, 'unknown'), ascale, g.sig;
        END IF;
        args := args || quote_ident(col);
    END LOOP;
    IF src IS NULL THEN
        RAISE EXCEPTION 'aggregate % takes no column', g.sig;
    END IF;
    RETURN ARRAY[format('%s(%s)', g.qname, array_to_string(args, ', ')), src];
END
$$;

-- EXPLAIN (VERBOSE, COSTS OFF) of a query, as one text.
CREATE FUNCTION pg_temp.plan(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    line text;
    p text := '';
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (VERBOSE, COSTS OFF) ' || q LOOP
        p := p || line || E'\n';
    END LOOP;
    RETURN p;
END
$$;

-- The query that computes the calls over a table, grouped by gexpr (or not
-- grouped): one row per group, the key k and the results v1, v2, ... in
-- their own types.  Nothing is turned into text in the query: in a query
-- pushed down whole, that would happen on the workers, with their
-- extra_float_digits.
CREATE FUNCTION pg_temp.value_query(calls text[], source text, gexpr text)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    v text[] := '{}';
BEGIN
    FOR i IN 1 .. cardinality(calls) LOOP
        v := v || format('%s AS v%s', calls[i], i);
    END LOOP;
    RETURN format('SELECT %s AS k, %s FROM %s%s', coalesce(gexpr, '''all'''), array_to_string(v, ', '),
                  source, CASE WHEN gexpr IS NULL THEN '' ELSE ' GROUP BY ' || gexpr END);
END
$$;

-- A result as jsonb, to compare number by number: to_jsonb() of a row on
-- the coordinator gives a double as an exact number (extra_float_digits =
-- 3) and a value of a type without a json cast as its text form, which for
-- a driver_matrix is parsed back and cast to its jsonb form.
CREATE FUNCTION pg_temp.numbers(v jsonb, category text) RETURNS jsonb LANGUAGE sql AS $$
    SELECT CASE WHEN category = 'drivers' AND jsonb_typeof(v) = 'string'
                THEN (v #>> '{}')::driver_matrix::jsonb ELSE v END
$$;

CREATE TEMP TABLE vals (side text, r jsonb);
CREATE TEMP TABLE result (seq serial, ok boolean, kind text, name text, category text,
                          maxrd double precision, maxbar double precision, detail text);

-- Run the value query on the distributed table and on its local twin and
-- compare every group and call; one result row per category.  The rows
-- reach the coordinator in the results' own types (Citus fetches them in
-- binary) and are turned into text here.
CREATE FUNCTION pg_temp.compare(kind text, name text, calls text[], cats text[],
                                source text, gexpr text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    r record;
    c record;
BEGIN
    TRUNCATE vals;
    FOR r IN EXECUTE pg_temp.value_query(calls, source, gexpr) LOOP
        INSERT INTO vals VALUES ('dist', to_jsonb(r));
    END LOOP;
    FOR r IN EXECUTE pg_temp.value_query(calls, source || '_local', gexpr) LOOP
        INSERT INTO vals VALUES ('local', to_jsonb(r));
    END LOOP;
    FOR c IN
        -- (jsonb_each reads each stored row once: r -> 'v1', r -> 'v2', ...
        -- would read a whole row for every value.)
        WITH cells AS (SELECT side, v.r ->> 'k' AS k, substr(e.key, 2)::int AS i, e.value AS v
                       FROM vals v, jsonb_each(v.r) e WHERE e.key <> 'k'),
             d AS (SELECT k, i, v FROM cells WHERE side = 'dist'),
             l AS (SELECT k, i, v FROM cells WHERE side = 'local'),
             cmp AS (
                SELECT coalesce(d.k, l.k) AS k, coalesce(d.i, l.i) AS i, d.v AS dv, l.v AS lv,
                       d.k IS NOT NULL AND l.k IS NOT NULL AS both_sides,
                       cats[coalesce(d.i, l.i)] AS cat
                FROM d FULL JOIN l ON d.k = l.k AND d.i = l.i),
             measured AS (
                SELECT cmp.*,
                       CASE WHEN cat = 'counts'
                            THEN CASE WHEN dv::text IS NOT DISTINCT FROM lv::text
                                      THEN 0::double precision ELSE 'Infinity' END
                            ELSE pg_temp.jsonb_reldiff(pg_temp.numbers(dv, cat), pg_temp.numbers(lv, cat)) END AS rd,
                       CASE WHEN cat = 'trend' THEN pg_temp.jsonb_reldiff(dv, lv, 1) END AS floored
                FROM cmp),
             judged AS (
                SELECT measured.*, coalesce(floored, rd) AS bar,
                       both_sides AND coalesce(floored, rd) <= 1e-12 AS ok
                FROM measured)
        SELECT cat, count(*) AS n, count(*) FILTER (WHERE NOT ok) AS bad,
               count(*) FILTER (WHERE jsonb_typeof(lv) <> 'null') AS nonnull,
               count(DISTINCT i) AS ncalls, max(rd) AS maxrd, max(bar) AS maxbar,
               (array_agg(format('%s%s: distributed %s, local %s, relative difference %s',
                                 CASE WHEN gexpr IS NULL THEN '' ELSE 'group ' || k || ', ' END,
                                 calls[i], coalesce(dv #>> '{}', 'NULL'), coalesce(lv #>> '{}', 'NULL'), bar)
                          ORDER BY k, i) FILTER (WHERE NOT ok))[1] AS example,
               (array_agg(format('%s%s: distributed %s, local %s',
                                 CASE WHEN gexpr IS NULL THEN '' ELSE 'group ' || k || ', ' END,
                                 calls[i], coalesce(dv #>> '{}', 'NULL'), coalesce(lv #>> '{}', 'NULL'))
                          ORDER BY bar DESC, k, i) FILTER (WHERE cat <> 'counts' AND bar > 0))[1] AS worst
        FROM judged GROUP BY cat ORDER BY cat
    LOOP
        INSERT INTO result (ok, kind, name, category, maxrd, maxbar, detail) VALUES (
            c.bad = 0 AND c.nonnull > 0, kind, name, c.cat, c.maxrd, c.maxbar,
            CASE WHEN c.bad > 0 THEN format('%s of %s values differ; first: %s', c.bad, c.n, c.example)
                 WHEN c.nonnull = 0 THEN 'every local value is NULL: the check proves nothing'
                 ELSE format('%s values of %s calls equal%s', c.n, c.ncalls,
                             CASE WHEN c.maxbar > 0 THEN '; largest difference: ' || c.worst ELSE '' END) END);
    END LOOP;
END
$$;

-- Partial aggregation on the workers: the workers' query calls
-- worker_partial_agg (which returns the state's text form) and the
-- coordinator combines with coord_combine_agg.
CREATE FUNCTION pg_temp.check_partial(kind text, name text, q text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    p text := pg_temp.plan(q);
BEGIN
    INSERT INTO result (ok, kind, name, detail) VALUES (
        p ~ 'worker_partial_agg\(' AND p ~ 'coord_combine_agg\(', kind, name,
        CASE WHEN p ~ 'worker_partial_agg\(' AND p ~ 'coord_combine_agg\(' THEN 'worker_partial_agg + coord_combine_agg'
             ELSE 'no partial aggregation on the workers in the plan of ' || q || E':\n' || p END);
END
$$;

DO $$
DECLARE
    part text := current_setting('loyalty_citus.part');
    g record;
    c text[];
    calls text[] := '{}';
    cats text[] := '{}';
    month text := 'to_char(day, ''YYYY-MM'')';
    name text;
    q text;
    p text;
    col record;
BEGIN
    IF part = 'aggregates' THEN
        FOR g IN SELECT * FROM aggs ORDER BY sig LOOP
            c := pg_temp.agg_call(g.fn);
            PERFORM pg_temp.check_partial('partial', g.sig, pg_temp.value_query(ARRAY[c[1]], c[2], NULL));
            PERFORM pg_temp.compare('value', g.sig, ARRAY[c[1]], ARRAY[pg_temp.category(g.stype)], c[2], NULL);
        END LOOP;

    ELSIF part = 'rollups' THEN
        -- Every column of daily whose type belongs to the extension.
        FOR col IN
            SELECT a.attname, r.fn, r.stype
            FROM pg_attribute a
            JOIN aggs r ON r.qname ~ '\.rollup$' AND r.argtypes = ARRAY[a.atttypid]
            WHERE a.attrelid = 'daily'::regclass AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum
        LOOP
            c := ARRAY[format('%s(%I)', (SELECT qname FROM aggs WHERE fn = col.fn), col.attname)];
            PERFORM pg_temp.check_partial('rollup-plan', 'rollup(' || col.attname || ')',
                                          pg_temp.value_query(c, 'daily', NULL));
            PERFORM pg_temp.compare('rollup', 'rollup(' || col.attname || ')', c,
                                    ARRAY[pg_temp.category(col.stype)], 'daily', NULL);
            PERFORM pg_temp.check_partial('rollup-plan', 'rollup(' || col.attname || ') by month',
                                          pg_temp.value_query(c, 'daily', month));
            PERFORM pg_temp.compare('rollup', 'rollup(' || col.attname || ') by month', c,
                                    ARRAY[pg_temp.category(col.stype)], 'daily', month);
        END LOOP;

    ELSIF part = 'pushdown' THEN
        -- Every aggregate over answers, in one query grouped by customer.
        FOR g IN SELECT * FROM aggs ORDER BY sig LOOP
            c := pg_temp.agg_call(g.fn);
            CONTINUE WHEN c[2] <> 'answers';
            calls := calls || c[1];
            cats := cats || pg_temp.category(g.stype);
        END LOOP;
        q := pg_temp.value_query(calls, 'answers', 'customer_id');
        name := format('%s aggregates grouped by customer_id (%s groups)', cardinality(calls),
                       (SELECT count(DISTINCT customer_id) FROM answers_local));
        p := pg_temp.plan(q);
        -- Run whole on the workers: the plan starts with the Citus scan (no
        -- Aggregate above it on the coordinator), has no partial
        -- aggregation, and the workers' query groups by customer_id.
        INSERT INTO result (ok, kind, name, detail) VALUES (
            p ~ '^Custom Scan \(Citus Adaptive\)' AND p !~ 'coord_combine_agg|worker_partial_agg'
                AND p ~ 'Query: SELECT .* GROUP BY .*customer_id',
            'pushdown-plan', name,
            CASE WHEN p ~ '^Custom Scan \(Citus Adaptive\)' AND p !~ 'coord_combine_agg|worker_partial_agg'
                     AND p ~ 'Query: SELECT .* GROUP BY .*customer_id'
                 THEN 'whole query on the workers'
                 ELSE E'not pushed down whole to the workers:\n' || p END);
        PERFORM pg_temp.compare('pushdown', name, calls, cats, 'answers', 'customer_id');
    ELSE
        RAISE EXCEPTION 'unknown part %', part;
    END IF;
END
$$;

\pset format unaligned
\pset tuples_only on
\pset fieldsep '|'
SELECT ok, kind, name, coalesce(category, ''), coalesce(maxrd::text, ''), coalesce(maxbar::text, ''),
       replace(detail, E'\n', E'\n    ')
FROM result ORDER BY seq;
