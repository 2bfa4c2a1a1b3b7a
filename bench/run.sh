#!/bin/sh
# `make bench`: runs inside pg_virtualenv.  BENCH_ROWS (default 10,000,000)
# answers, BENCH_PVALUE_ROWS (default 1,000,000) p-values for p_adjust,
# BENCH_COMMENT_ROWS (default 1,000,000) comments for term_ratings_agg,
# BENCH_REPS (default 5) timed runs of each query; BENCH_ONLY, a regular
# expression, runs only the queries whose names match it (for example
# BENCH_ONLY='rank_weeks|p_adjust' BENCH_ROWS=1000 make bench).
set -eu
cd "$(dirname "$0")"
rows=${BENCH_ROWS:-10000000}
reps=${BENCH_REPS:-5}
pvalue_rows=${BENCH_PVALUE_ROWS:-1000000}
comment_rows=${BENCH_COMMENT_ROWS:-1000000}
only=${BENCH_ONLY:-}
export PGDATABASE=loyalty_bench
dropdb --if-exists loyalty_bench >/dev/null 2>&1 || true
createdb loyalty_bench
psql -X -q -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION loyalty'
echo "Generating $rows answers ..."
psql -X -q -v ON_ERROR_STOP=1 -v rows="$rows" -v pvalue_rows="$pvalue_rows" \
    -v comment_rows="$comment_rows" -f data.sql
echo "Running each query $reps times (plus one warm-up) ..."
psql -X -q -v ON_ERROR_STOP=1 -v reps="$reps" -v only="$only" -P footer=off -f bench.sql
if [ -z "$only" ]; then
    ./memory.sh
fi
