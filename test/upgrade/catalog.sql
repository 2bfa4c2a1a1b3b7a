-- Every object of the extension as the catalogs describe it, one line each,
-- sorted: what a fresh install and an updated one must agree on.
-- (tools/check-upgrade.sh runs it in both and compares.)
\pset format unaligned
\pset tuples_only on
WITH members AS (
    SELECT classid, objid FROM pg_depend
    WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e'
      AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'loyalty')
)
SELECT 'function ' || p.oid::regprocedure::text
       || ' returns ' || pg_get_function_result(p.oid)
       || ' args ' || pg_get_function_arguments(p.oid)
       || ' kind ' || p.prokind::text || ' volatility ' || p.provolatile::text
       || ' strict ' || p.proisstrict || ' parallel ' || p.proparallel::text
       || ' leakproof ' || p.proleakproof || ' rows ' || p.prorows
       || ' cost ' || p.procost || ' language ' || l.lanname
       || ' symbol ' || p.prosrc || ' file ' || coalesce(p.probin, '')
       || ' comment ' || coalesce(obj_description(p.oid, 'pg_proc'), '<none>')
       || CASE WHEN a.aggfnoid IS NOT NULL THEN ' aggregate ' || concat_ws(' ', a.aggkind::text, a.aggtransfn, a.aggfinalfn,
                   a.aggcombinefn, a.aggserialfn, a.aggdeserialfn, a.aggmtransfn,
                   a.aggminvtransfn, a.aggmfinalfn, a.aggfinalextra, a.aggmfinalextra,
                   a.aggtranstype::regtype, a.aggmtranstype::regtype,
                   'init', a.agginitval, 'minit', a.aggminitval) ELSE '' END
FROM members m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
JOIN pg_language l ON l.oid = p.prolang
LEFT JOIN pg_aggregate a ON a.aggfnoid = p.oid
UNION ALL
SELECT 'type ' || format_type(t.oid, NULL) || ' ' || t.typtype::text || ' ' || t.typlen
       || ' ' || t.typalign::text || ' ' || t.typstorage::text || ' ' || t.typinput::text || ' '
       || t.typoutput::text || ' ' || t.typreceive::text || ' ' || t.typsend::text
       || ' comment ' || coalesce(obj_description(t.oid, 'pg_type'), '<none>')
       || coalesce(' labels ' || (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
                                  FROM pg_enum e WHERE e.enumtypid = t.oid), '')
FROM members m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
UNION ALL
SELECT 'cast ' || format_type(c.castsource, NULL) || ' as ' || format_type(c.casttarget, NULL)
       || ' with ' || coalesce(c.castfunc::regprocedure::text, '-') || ' ' || c.castcontext::text
       || ' ' || c.castmethod::text
       || ' comment ' || coalesce(obj_description(c.oid, 'pg_cast'), '<none>')
FROM members m JOIN pg_cast c ON m.classid = 'pg_cast'::regclass AND c.oid = m.objid
UNION ALL
SELECT 'operator ' || o.oid::regoperator::text || ' ' || o.oprcode::text
       || ' comment ' || coalesce(obj_description(o.oid, 'pg_operator'), '<none>')
FROM members m JOIN pg_operator o ON m.classid = 'pg_operator'::regclass AND o.oid = m.objid
UNION ALL
SELECT 'other ' || pg_describe_object(m.classid, m.objid, 0)
FROM members m
WHERE m.classid NOT IN ('pg_proc'::regclass, 'pg_type'::regclass, 'pg_cast'::regclass,
                        'pg_operator'::regclass)
ORDER BY 1;
