#!/bin/sh
# Run against a server (PGHOST, PGPORT, ... set): a database holding every
# summary type with edge values, a materialized view over rollups and an
# expression index (test/dump/setup.sql) goes through pg_dump -Fc and
# pg_restore into a new database; every stored value must come back equal
# as text and as send bytes, with the view and the index
# (test/dump/compare.sql).  Exits non-zero on any difference.
set -eu
cd "$(dirname "$0")/.."
. tools/scratch-dbs.sh
scratch_dbs loyalty_dump_src loyalty_dump_dst
psql_q -d loyalty_dump_src -f test/dump/setup.sql
psql_q -d loyalty_dump_src -f test/dump/compare.sql > "$out/before"
pg_dump -Fc -d loyalty_dump_src -f "$out/dump"
pg_restore --exit-on-error -d loyalty_dump_dst "$out/dump"
psql_q -d loyalty_dump_dst -f test/dump/compare.sql > "$out/after"
same "$out/before" "$out/after" "dump: values differ after pg_dump and pg_restore"
echo "dump: pg_dump -Fc and pg_restore keep $(wc -l < "$out/before") rows of every type, the materialized view and the index"
