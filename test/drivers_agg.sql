-- driver_agg and the driver_matrix it builds, on small data whose moments
-- are worked out by hand: means, sums of squared deviations (m2) and of
-- cross-products (c) of a few integers.  Every figure below is exact in
-- binary, so the text forms are compared exactly.
\ir helpers.psql
SELECT plan(9);

-- Hand-computed: rows (y; x1) = (1; 1), (2; 3), (3; 2).
-- y: mean 2, m2 = 1 + 0 + 1 = 2; x1: mean 2, m2 = 1 + 1 + 0 = 2;
-- c = (1-2)(1-2) + (3-2)(2-2) + (2-2)(3-2) = 1.
SELECT is(driver_agg(y, x)::text, 'k=1 y=(3,2,2) x={(3,2,2)} xy={(3,2,2,2,2,1)} xx={}',
          'one driver: moments by hand')
FROM (VALUES (1.0, '{1}'::float8[]), (2, '{3}'), (3, '{2}')) v(y, x);

-- Hand-computed, three drivers with gaps; the row with a NULL outcome is
-- skipped, the row with all drivers NULL counts for the outcome only.
--   y 1,2,3,4: mean 2.5, m2 5.     x1 1,3,2: mean 2, m2 2.
--   x2 5,1: mean 3, m2 8.          x3 4,1: mean 2.5, m2 4.5.
--   x1,y over rows 1-3: c = 1.     x2,y rows 2-3: (5,2),(1,3): c = -2.
--   x3,y rows 1,3: (4,1),(1,3): c = -3.
--   x1,x2 rows 2-3: (3,5),(2,1): means 2.5, 3; m2 0.5, 8; c = 2.
--   x1,x3 rows 1,3: (1,4),(2,1): means 1.5, 2.5; m2 0.5, 4.5; c = -1.5.
--   x2,x3 row 3 only: (1,1).
CREATE TEMP TABLE small AS
SELECT driver_agg(y, x) AS m
FROM (VALUES (1.0, '{1,NULL,4}'::float8[]), (2, '{3,5,NULL}'), (3, '{2,1,1}'),
             (NULL, '{1,1,1}'), (4, '{NULL,NULL,NULL}'), (5, NULL)) v(y, x);
SELECT is(m::text,
          'k=3 y=(4,2.5,5) x={(3,2,2),(2,3,8),(2,2.5,4.5)} '
          'xy={(3,2,2,2,2,1),(2,3,2.5,8,0.5,-2),(2,2.5,2,4.5,2,-3)} '
          'xx={(2,2.5,3,0.5,8,2),(2,1.5,2.5,0.5,4.5,-1.5),(1,1,1,0,0,0)}',
          'three drivers with gaps: moments by hand') FROM small;
SELECT is(responses(m), 4::bigint, 'responses counts rows with an outcome and a drivers array') FROM small;
SELECT is(drivers(m), 3, 'drivers is the array length') FROM small;
SELECT is((m::jsonb) -> 'xy' -> 1 ->> 'c', '-2', 'jsonb: xy[2].c') FROM small;

-- NULL rules.
SELECT is(driver_agg(y, x)::text, NULL, 'no rows: NULL')
FROM (VALUES (1.0, '{1}'::float8[])) v(y, x) WHERE false;
SELECT is(driver_agg(y, x)::text, NULL, 'only NULL outcomes: NULL')
FROM (VALUES (NULL::float8, '{1}'::float8[]), (NULL, '{2}')) v(y, x);
-- Called outside an aggregate, the transition function leaves its input alone.
SELECT is(driver_agg_trans(m, 3, '{3}')::text || ' / ' || m::text,
          'k=1 y=(2,2,2) x={(2,2,2)} xy={(2,2,2,2,2,2)} xx={} / k=1 y=(1,1,0) x={(1,1,0)} xy={(1,1,1,0,0,0)} xx={}',
          'a direct call does not modify its input (rows (1;1),(3;3): means 2, m2 2, c 2)')
FROM (VALUES ('k=1 y=(1,1,0) x={(1,1,0)} xy={(1,1,1,0,0,0)} xx={}'::driver_matrix)) v(m);
SELECT is(driver_agg_trans(NULL, 7, '{2,NULL}')::text,
          'k=2 y=(1,7,0) x={(1,2,0),(0,0,0)} xy={(1,2,7,0,0,0),(0,0,0,0,0,0)} xx={(0,0,0,0,0,0)}',
          'the first row makes the state') ;

SELECT * FROM finish();
ROLLBACK;
