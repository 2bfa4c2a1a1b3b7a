#!/bin/sh
# Run against a server (PGHOST, PGPORT, ... set): install the extension's
# oldest release with stored values, a view and a materialized view, update
# it to the current version, and check that the values and views are
# unchanged and that the updated install has exactly the objects of a fresh
# one (test/upgrade/catalog.sql).  Exits non-zero on any difference.
set -eu
cd "$(dirname "$0")/.."
current=$(sed -n "s/^default_version = '\(.*\)'/\1/p" loyalty.control)
oldest=0.1.0
. tools/scratch-dbs.sh
scratch_dbs loyalty_up_fresh loyalty_up_old
psql_q -d loyalty_up_fresh -c 'CREATE EXTENSION loyalty'
if ! psql_q -d loyalty_up_old -c "CREATE EXTENSION loyalty VERSION '$oldest'" 2>"$out/err"; then
    if grep -q 'no installation script' "$out/err"; then
        echo "upgrade: skipped: release $oldest's script is not installed (it comes from the git history or a release archive)"
        exit 0
    fi
    cat "$out/err"
    exit 1
fi
psql_q -d loyalty_up_old -f test/upgrade/before.sql
psql_q -d loyalty_up_old -c 'ALTER EXTENSION loyalty UPDATE'
psql_q -d loyalty_up_old -At -c "SELECT extversion FROM pg_extension WHERE extname = 'loyalty'" > "$out/version"
[ "$(cat "$out/version")" = "$current" ] || { echo "upgrade: updated to $(cat "$out/version"), not $current"; exit 1; }
psql_q -d loyalty_up_old -At -f test/upgrade/after.sql

psql_q -d loyalty_up_fresh -f test/upgrade/catalog.sql > "$out/fresh"
psql_q -d loyalty_up_old -f test/upgrade/catalog.sql > "$out/updated"
same "$out/fresh" "$out/updated" "upgrade: a fresh $current install and one updated from $oldest differ"
echo "upgrade: $oldest -> $current keeps stored values and views; fresh and updated catalogs equal ($(wc -l < "$out/fresh") objects)"
