#!/bin/sh
# `make bench`: runs inside pg_virtualenv.  BENCH_ROWS (default 10,000,000)
# answers, BENCH_REPS (default 5) timed runs of each query.
set -eu
cd "$(dirname "$0")"
rows=${BENCH_ROWS:-10000000}
reps=${BENCH_REPS:-5}
export PGDATABASE=loyalty_bench
dropdb --if-exists loyalty_bench >/dev/null 2>&1 || true
createdb loyalty_bench
psql -X -q -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION loyalty'
echo "Generating $rows answers ..."
psql -X -q -v ON_ERROR_STOP=1 -v rows="$rows" -f data.sql
echo "Running each query $reps times (plus one warm-up) ..."
psql -X -q -v ON_ERROR_STOP=1 -v reps="$reps" -P footer=off -f bench.sql
