-- The catalog as BI tools read it (README.md: "BI tools"): every argument
-- of a user-facing function has a name, every object of the extension has
-- a comment, and no two overloads of a name differ only where an untyped
-- value (a literal such as '30', or a parameter as ODBC drivers send it)
-- could go either way.
\ir helpers.psql
SELECT plan(9);

-- The extension's objects, and its functions that users call: not a type's
-- I/O function, nor an aggregate's support function, nor a cast's or an
-- operator's (those are reached through the type, aggregate, cast or
-- operator, which is what the catalog shows).
CREATE TEMP VIEW ext_objects AS
SELECT d.classid, d.objid, d.objsubid
FROM pg_depend d
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'loyalty');

CREATE TEMP VIEW support_functions AS
SELECT unnest(ARRAY[typinput, typoutput, typreceive, typsend]) AS oid
FROM pg_type t JOIN ext_objects e ON e.classid = 'pg_type'::regclass AND e.objid = t.oid
UNION
SELECT unnest(ARRAY[aggtransfn, aggfinalfn, aggcombinefn, aggmtransfn, aggminvtransfn, aggmfinalfn])::oid
FROM pg_aggregate a JOIN ext_objects e ON e.classid = 'pg_proc'::regclass AND e.objid = a.aggfnoid
UNION
SELECT castfunc FROM pg_cast c JOIN ext_objects e ON e.classid = 'pg_cast'::regclass AND e.objid = c.oid
UNION
SELECT oprcode::oid FROM pg_operator o JOIN ext_objects e ON e.classid = 'pg_operator'::regclass AND e.objid = o.oid;

CREATE TEMP VIEW user_functions AS
SELECT p.*
FROM pg_proc p JOIN ext_objects e ON e.classid = 'pg_proc'::regclass AND e.objid = p.oid
WHERE p.oid NOT IN (SELECT oid FROM support_functions WHERE oid <> 0);

-- Input arguments (modes i, b, v) without a name.
CREATE TEMP VIEW unnamed_arguments AS
SELECT p.oid::regprocedure AS function, a.n AS argument
FROM user_functions p,
     LATERAL generate_series(1, coalesce(array_length(p.proallargtypes, 1), p.pronargs)) a(n)
WHERE coalesce(p.proargmodes[a.n], 'i') IN ('i', 'b', 'v')
  AND coalesce(p.proargnames[a.n], '') = '';

SELECT cmp_ok((SELECT count(*) FROM user_functions), '>', 100::bigint,
              'the catalog lists the user-facing functions and aggregates');
SELECT is_empty('SELECT function::text, argument FROM unnamed_arguments',
                'every argument of a user-facing function or aggregate has a name');
-- The aggregates' score is named too (pgjdbc showed it without a name).
SELECT is((SELECT proargnames FROM pg_proc WHERE oid = 'nps_agg(integer, double precision)'::regprocedure),
          ARRAY['score', 'weight'], 'nps_agg(score, weight)');

-- (Array types, which PostgreSQL makes for every type and lists as
-- members of the extension from 17 on, are left out.)
SELECT is_empty($$
    SELECT pg_describe_object(classid, objid, objsubid) FROM ext_objects
    WHERE obj_description(objid, classid::regclass::name) IS NULL
      AND NOT (classid = 'pg_type'::regclass
               AND EXISTS (SELECT FROM pg_type WHERE oid = objid AND typcategory = 'A'))$$,
    'every object of the extension has a comment');

-- Two overloads of one name that, called with the same number of arguments
-- (some left to their defaults), differ at one argument only, where one
-- takes a number or text and the other the type of the call's other
-- arguments: PostgreSQL assumes that an untyped value there has the type of
-- the others and silently takes the second (0.1.0's nps_test(r, '30') took
-- the two-summary test and failed).  Other untyped calls either resolve as
-- meant (among numeric types, to double precision, or to the type of the
-- other arguments: nps(score, weight) with an untyped score is the double
-- precision aggregate, the same figure) or are refused as
-- ambiguous with a clear error (nps('9'): the accessor or the aggregate?).
SELECT is_empty($$
    SELECT a.oid::regprocedure::text, b.oid::regprocedure::text
    FROM user_functions a JOIN user_functions b ON a.proname = b.proname AND a.oid <> b.oid,
         -- n: a number of arguments both can be called with (defaults count)
         generate_series(greatest(a.pronargs - a.pronargdefaults, b.pronargs - b.pronargdefaults)::int,
                         least(a.pronargs, b.pronargs)::int) n,
         LATERAL (SELECT array_agg(k) FILTER (WHERE x <> y) AS differ,
                         array_agg(x) FILTER (WHERE x = y) AS others
                  FROM unnest(a.proargtypes::oid[], b.proargtypes::oid[]) WITH ORDINALITY u(x, y, k)
                  WHERE k <= n) c
    WHERE cardinality(c.differ) = 1
      AND (SELECT typcategory FROM pg_type WHERE oid = a.proargtypes[c.differ[1] - 1]) IN ('N', 'S')
      AND (SELECT typcategory FROM pg_type WHERE oid = b.proargtypes[c.differ[1] - 1]) NOT IN ('N', 'S')
      AND b.proargtypes[c.differ[1] - 1] = ANY (c.others)$$,
    'no overload takes an untyped value silently where another was meant');

-- Every function that takes a number takes it untyped: each is called with
-- '1' for its numeric arguments and a typed NULL for the others.  Errors
-- other than "not unique" (42725) or "does not exist" (42883) mean the
-- call resolved (a strict function returns NULL for the NULLs anyway).
CREATE FUNCTION pg_temp.untyped_calls() RETURNS SETOF text LANGUAGE plpgsql AS $f$
DECLARE
    f record;
    call text;
BEGIN
    FOR f IN
        SELECT p.proname,
               (SELECT string_agg(CASE WHEN t.typcategory = 'N' THEN quote_literal('1')
                                       ELSE format('NULL::%s', format_type(t.oid, NULL)) END, ', ' ORDER BY k)
                FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY a(typ, k) JOIN pg_type t ON t.oid = a.typ) AS args
        FROM user_functions p
        WHERE p.prokind = 'f'
          AND EXISTS (SELECT FROM unnest(p.proargtypes::oid[]) a(typ) JOIN pg_type t ON t.oid = a.typ
                      WHERE t.typcategory = 'N')
    LOOP
        call := format('SELECT %I(%s)', f.proname, f.args);
        BEGIN
            EXECUTE call;
            RETURN NEXT 'resolved';
        EXCEPTION
            WHEN ambiguous_function OR undefined_function THEN
                RETURN NEXT call || ': ' || SQLERRM;
            WHEN OTHERS THEN
                RETURN NEXT 'resolved';
        END;
    END LOOP;
END
$f$;
SELECT cmp_ok((SELECT count(*) FROM pg_temp.untyped_calls()), '>=', 20::bigint,
              'at least 20 functions take a number');
SELECT is_empty($$SELECT c FROM pg_temp.untyped_calls() c WHERE c <> 'resolved'$$,
                'every function that takes a number resolves with untyped numbers');

-- The benchmark test takes an untyped benchmark as a number: 4 promoters
-- and 4 detractors of 10 answers give NPS 0; against a benchmark of 0 the
-- z statistic is 0 and the two-sided p-value 1.
SELECT is(nps_benchmark_test('scale=0..10 n={4,0,0,0,0,0,0,2,0,0,4}'::ratings, '0'), 1.0::float8,
          'nps_benchmark_test(r, ''0''): the untyped benchmark is a number');
-- 0.1.0's nps_test(r, benchmark) is gone: an untyped second argument is a
-- summary now, and '30' is not one.
SELECT throws_ok($$SELECT nps_test('scale=0..10 n={4,0,0,0,0,0,0,2,0,0,4}'::ratings, '30')$$, '22P02',
                 NULL, 'nps_test(r, ''30'') reads ''30'' as a summary: the benchmark test has its own name');

SELECT * FROM finish();
ROLLBACK;
