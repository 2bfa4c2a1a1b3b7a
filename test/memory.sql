-- Memory is bounded by the groups, never by the rows (README.md,
-- "Performance"): a grouped or windowed aggregate keeps one state per group
-- or frame, and a hash aggregate under a small work_mem spills to disk with
-- the results of a sort plan.
--
-- The peak memory of this backend is read from Linux's /proc/self/status
-- (VmHWM, the peak resident set) before and after a query: the growth is
-- what the query needed at most.  The bounds are far from both the
-- expected need (about 5 MB for the moving frame, 20 MB for the 200 tables
-- of 101 x 101 values: 200 x 83 KB) and the old defect (a grown rating_pairs
-- state was allocated in the aggregate's context, then copied by the
-- executor and never freed: 1.4 GB for the moving frame, 600 MB for the
-- grouped one).
\ir helpers.psql
SELECT plan(18);

SET max_parallel_workers_per_gather = 0;
SET jit = off;

-- This backend's peak resident set in kB, less the shared buffers it has
-- touched (RssShmem: the table pages a query reads are resident too); NULL
-- where /proc cannot be read (not Linux, or not a superuser).
CREATE FUNCTION pg_temp.peak_kb() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    status text;
BEGIN
    status := pg_read_file('/proc/self/status');
    RETURN substring(status FROM 'VmHWM:\s*(\d+)')::bigint - substring(status FROM 'RssShmem:\s*(\d+)')::bigint;
EXCEPTION WHEN OTHERS THEN
    RETURN NULL;
END
$$;

-- How much the peak grew while running q (kB), and the plan of q as
-- EXPLAIN ANALYZE's JSON (q runs once).
CREATE FUNCTION pg_temp.run(q text, OUT grew_kb bigint, OUT plan jsonb) LANGUAGE plpgsql AS $$
DECLARE
    before bigint := pg_temp.peak_kb();
BEGIN
    EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, FORMAT JSON) ' || q INTO plan;
    grew_kb := pg_temp.peak_kb() - before;
END
$$;

-- Whether an aggregate of plan p hashed and spilled, and its peak memory.
CREATE FUNCTION pg_temp.hash_batches(p jsonb) RETURNS bigint LANGUAGE sql AS $$
    SELECT max(b::text::bigint) FROM jsonb_path_query(p, 'strict $.**."HashAgg Batches"') b
$$;

-- The results of q with a hash plan and with a sort plan, the same?
CREATE FUNCTION pg_temp.same_as_sorted(q text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
BEGIN
    SET LOCAL enable_hashagg = off;
    SET LOCAL enable_sort = on;
    EXECUTE 'CREATE TEMP TABLE sorted_result AS ' || q;
    SET LOCAL enable_hashagg = on;
    SET LOCAL enable_sort = off;
    EXECUTE format('SELECT count(*) FROM ((TABLE sorted_result EXCEPT ALL (%s)) UNION ALL ((%s) EXCEPT ALL TABLE sorted_result)) d', q, q)
        INTO n;
    DROP TABLE sorted_result;
    RETURN n = 0;
END
$$;

-- A moving frame of 100 rows over 100,000 rows, with a new x value in
-- every row: the table slides through 100,000 values and is regrown and
-- pruned at every row.
CREATE TEMP TABLE slide AS
    SELECT i, i AS x, (i * 7) % 11 AS y FROM generate_series(1, 100000) i;
SELECT CASE WHEN pg_temp.peak_kb() IS NULL
    THEN skip('/proc/self/status cannot be read here', 2) ELSE
    collect_tap(
        cmp_ok((pg_temp.run($$SELECT count(s) FROM (SELECT spearman(x, y) OVER (ORDER BY i ROWS 99 PRECEDING) s FROM slide) z$$)).grew_kb,
               '<', 100000::bigint, 'moving-frame spearman over 100,000 new values: peak grows by less than 100 MB'),
        cmp_ok((pg_temp.run($$SELECT count(s) FROM (SELECT nps(y::int) OVER (ORDER BY i ROWS 99 PRECEDING) s FROM slide) z$$)).grew_kb,
               '<', 100000::bigint, 'moving-frame nps over the same rows: the same bound'))
    END;
-- Each frame is exact: the frame ending at row 200 holds x = 101..200 and
-- the y of those rows, the same table rating_pairs_agg makes of them.
SELECT is((SELECT s FROM (SELECT i, spearman(x, y) OVER (ORDER BY i ROWS 99 PRECEDING) s FROM slide) z WHERE i = 200),
          (SELECT spearman(rating_pairs_agg(x, y)) FROM slide WHERE i BETWEEN 101 AND 200),
          'the moving frame at row 200 equals the table of rows 101..200');

-- 200 groups of 10,201 rows with 101 values on each axis (x = i mod 101,
-- y = 7i mod 101): each table is a full 101 x 101 grid of counts, 83 KB.
-- The groups arrive one after the other, as in a table loaded by day.
-- Hash aggregation decides to spill when it makes a new group, so the
-- groups that grew first are what pushes it over work_mem.
CREATE TEMP TABLE pairs_by_group AS
    SELECT i / 10201 AS g, i % 101 AS x, (i * 7) % 101 AS y
    FROM generate_series(0, 200 * 10201 - 1) i;
ANALYZE pairs_by_group;
SET work_mem = '1MB';
SET enable_sort = off;
CREATE TEMP TABLE grouped AS SELECT * FROM pg_temp.run($$SELECT g, spearman(x, y) FROM pairs_by_group GROUP BY g$$);
SELECT cmp_ok(pg_temp.hash_batches(plan), '>', 1::bigint,
              '200 rating_pairs tables of 101 x 101 values under work_mem = 1MB: the hash aggregate spills')
FROM grouped;
SELECT CASE WHEN pg_temp.peak_kb() IS NULL
    THEN skip('/proc/self/status cannot be read here') ELSE
    cmp_ok(grew_kb, '<', 100000::bigint, 'the grouped spearman: peak grows by less than 100 MB') END
FROM grouped;
-- The same tables with the groups interleaved (row i in group i mod 200):
-- all 200 groups exist from the start, so the hash aggregate never spills
-- (it decides when it makes a group), and its memory is the 200 full
-- tables, 16 MB.
CREATE TEMP TABLE pairs_interleaved AS
    SELECT i % 200 AS g, i % 101 AS x, (i * 7) % 101 AS y
    FROM generate_series(0, 200 * 10201 - 1) i;
ANALYZE pairs_interleaved;
SELECT CASE WHEN pg_temp.peak_kb() IS NULL
    THEN skip('/proc/self/status cannot be read here') ELSE
    cmp_ok((pg_temp.run($$SELECT g, spearman(x, y) FROM pairs_interleaved GROUP BY g$$)).grew_kb,
           '<', 100000::bigint, '200 interleaved groups of 101 x 101 values: peak grows by less than 100 MB') END;
SELECT ok(pg_temp.same_as_sorted($$SELECT g, rating_pairs_agg(x, y)::text AS t FROM pairs_by_group GROUP BY g$$),
          'the spilled hash aggregate gives the tables of a sort plan');
-- Each group holds every pair of values once: 10,201 answers, 101 x values.
SELECT is((SELECT count(*) FROM (SELECT g, rating_pairs_agg(x, y) t FROM pairs_by_group GROUP BY g) z
           WHERE responses(t) = 10201 AND jsonb_array_length(t::jsonb -> 'x') = 101),
          200::bigint, 'every group is the full 101 x 101 table');

-- nps_agg and driver_agg over 300,000 groups of 3 rows under work_mem =
-- 1MB: both spill, and give what a sort plan gives.
CREATE TEMP TABLE many_groups AS
    SELECT i / 3 AS g, (i * 7) % 11 AS score, (i % 5) + 1 AS d1, (i % 7) + 1 AS d2
    FROM generate_series(0, 900000 - 1) i;
ANALYZE many_groups;
SELECT cmp_ok(pg_temp.hash_batches((pg_temp.run($$SELECT g, nps_agg(score) FROM many_groups GROUP BY g$$)).plan),
              '>', 1::bigint, 'nps_agg over 300,000 groups under work_mem = 1MB spills');
SELECT ok(pg_temp.same_as_sorted($$SELECT g, nps_agg(score)::text AS t FROM many_groups GROUP BY g$$),
          'nps_agg: the spilled hash aggregate gives the summaries of a sort plan');
SELECT cmp_ok(pg_temp.hash_batches((pg_temp.run($$SELECT g, driver_agg(score::float8, ARRAY[d1, d2]::float8[]) FROM many_groups GROUP BY g$$)).plan),
              '>', 1::bigint, 'driver_agg over 300,000 groups under work_mem = 1MB spills');
SELECT ok(pg_temp.same_as_sorted($$SELECT g, driver_agg(score::float8, ARRAY[d1, d2]::float8[])::text AS t FROM many_groups GROUP BY g$$),
          'driver_agg: the spilled hash aggregate gives the matrices of a sort plan');
SELECT cmp_ok(pg_temp.hash_batches((pg_temp.run($$SELECT g, rating_pairs_agg(d1, score) FROM many_groups GROUP BY g$$)).plan),
              '>', 1::bigint, 'rating_pairs_agg over 300,000 groups under work_mem = 1MB spills');
SELECT ok(pg_temp.same_as_sorted($$SELECT g, rating_pairs_agg(d1, score)::text AS t FROM many_groups GROUP BY g$$),
          'rating_pairs_agg: the spilled hash aggregate gives the tables of a sort plan');
SELECT cmp_ok(pg_temp.hash_batches((pg_temp.run($$SELECT g, term_ratings_agg(ARRAY['d' || d1, 'e' || d2], score) FROM many_groups GROUP BY g$$)).plan),
              '>', 1::bigint, 'term_ratings_agg over 300,000 groups under work_mem = 1MB spills');
SELECT ok(pg_temp.same_as_sorted($$SELECT g, term_ratings_agg(ARRAY['d' || d1, 'e' || d2], score)::text AS t FROM many_groups GROUP BY g$$),
          'term_ratings_agg: the spilled hash aggregate gives the summaries of a sort plan');
-- One summary of 100,000 distinct terms in no particular order (md5): the
-- state regrows about 17 times, to about 12 MB (104 bytes of entry and 4 of
-- index per term); the regrown states are freed.
SELECT CASE WHEN pg_temp.peak_kb() IS NULL
    THEN skip('/proc/self/status cannot be read here') ELSE
    cmp_ok((pg_temp.run($$SELECT term_ratings_agg(ARRAY[md5(i::text)], i % 11) FROM generate_series(1, 100000) i$$)).grew_kb,
           '<', 100000::bigint, 'term_ratings_agg of 100,000 distinct terms: peak grows by less than 100 MB') END;
-- Group 0 is rows 0..2: scores 0, 7, 14 mod 11 = 3 (two detractors, one
-- passive); nps = (0 - 2) / 3 x 100.
SELECT pg_temp.is_close((SELECT nps(nps_agg(score)) FROM many_groups WHERE g = 0), -200.0::float8 / 3,
          'group 0: two detractors and a passive');

SELECT * FROM finish();
ROLLBACK;
