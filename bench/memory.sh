#!/bin/sh
# The memory table of `make bench` (run by run.sh inside pg_virtualenv):
# the peak resident memory that each query adds to a fresh backend (VmHWM
# of /proc/<pid>/status, read by the backend itself through pg_read_file,
# less the shared buffers it touched, RssShmem),
# for the cases of README.md's "Memory" table.  BENCH_MEMORY_GROUPS
# (default 1,000,000) sets the number of groups of the grouped cases.
set -eu
groups=${BENCH_MEMORY_GROUPS:-1000000}
psql -X -q -v ON_ERROR_STOP=1 -v groups="$groups" <<'SQL'
SET client_min_messages = warning;
DROP TABLE IF EXISTS mem_slide, mem_pairs, mem_groups;
CREATE TABLE mem_slide AS SELECT i, i AS x, (i * 7) % 11 AS y FROM generate_series(1, 100000) i;
CREATE TABLE mem_pairs AS SELECT i % 200 AS g, i % 101 AS x, (i * 7) % 101 AS y
    FROM generate_series(0, 200 * 10201 - 1) i;
CREATE TABLE mem_groups AS SELECT i % :groups AS g, (i * 7) % 11 AS score, (i % 5) + 1 AS d1, (i % 7) + 1 AS d2,
    '2026-01-01'::timestamptz + i * interval '1 minute' AS at
    FROM generate_series(0, 3 * :groups - 1) i;
VACUUM ANALYZE mem_slide, mem_pairs, mem_groups;
SQL
# One fresh backend per case: its peak before and after the query.  The
# query is counted through a whole-row reference, so that the planner keeps
# every output column (it drops unused aggregates from a subquery).
# Shared buffers the query reads also count in the resident set (RssShmem):
# their growth is taken off, so that the figure is the backend's own memory.
status_kb='substring(pg_read_file($$/proc/self/status$$) FROM $$VmHWM:\s*(\d+)$$)::bigint AS hwm,
           substring(pg_read_file($$/proc/self/status$$) FROM $$RssShmem:\s*(\d+)$$)::bigint AS shm'
peak_of() {   # work_mem query: grouped queries hash (enable_sort off), as in the issue
    psql -X -q -At -v ON_ERROR_STOP=1 \
        -c "SET max_parallel_workers_per_gather = 0" -c "SET jit = off" -c "SET work_mem = '$1'" \
        -c "SET enable_sort = $(case "$2" in *"GROUP BY"*) echo off;; *) echo on;; esac)" \
        -c "CREATE TEMP TABLE mem_before AS SELECT $status_kb" \
        -c "SELECT count(q.*) FROM ($2) q" \
        -c "SELECT (a.hwm - b.hwm) - (a.shm - b.shm) FROM mem_before b, (SELECT $status_kb) a" | tail -n 1
}
slide_spearman=$(peak_of 4MB "SELECT spearman(x, y) OVER (ORDER BY i ROWS 99 PRECEDING) FROM mem_slide")
slide_nps=$(peak_of 4MB "SELECT nps(y) OVER (ORDER BY i ROWS 99 PRECEDING) FROM mem_slide")
pairs_200=$(peak_of 1MB "SELECT g, spearman(x, y) FROM mem_pairs GROUP BY g")
nps_agg=$(peak_of 4MB "SELECT g, nps_agg(score) FROM mem_groups GROUP BY g")
pairs_agg=$(peak_of 4MB "SELECT g, rating_pairs_agg(d1, score) FROM mem_groups GROUP BY g")
driver_agg=$(peak_of 4MB "SELECT g, driver_agg(score::float8, ARRAY[d1, d2]::float8[]) FROM mem_groups GROUP BY g")
trend=$(peak_of 4MB "SELECT g, nps_trend(at, score) FROM mem_groups GROUP BY g")
psql -X -q -P footer=off <<SQL
SELECT 'Peak memory a query adds to its backend (MB; VmHWM less RssShmem), measured in this run' AS " ";
SELECT measure, round(kb / 1024.0, 1) AS "MB", target,
       CASE WHEN ok IS NULL THEN '(info)' WHEN ok THEN 'met' ELSE 'MISSED' END AS result
FROM (VALUES
    ('moving-frame spearman, 100,000 rows, a new x per row', $slide_spearman,
     '<= 2 x moving nps (' || round($slide_spearman::numeric / greatest($slide_nps, 1), 2) || ' x)',
     $slide_spearman <= 2 * $slide_nps),
    ('moving-frame nps, the same rows', $slide_nps, '', NULL),
    ('hash aggregate, 200 interleaved groups of 101 x 101 values, work_mem 1MB', $pairs_200, '<= 100 MB', $pairs_200 <= 102400),
    ('nps_agg, $groups groups, hash aggregate, work_mem 4MB', $nps_agg, '', NULL),
    ('rating_pairs_agg, $groups groups, hash aggregate, work_mem 4MB', $pairs_agg, '', NULL),
    ('driver_agg over 2 drivers, $groups groups, hash aggregate, work_mem 4MB', $driver_agg, '', NULL),
    ('nps_trend, $groups groups, hash aggregate, work_mem 4MB', $trend, '', NULL)
) v(measure, kb, target, ok);
SQL
