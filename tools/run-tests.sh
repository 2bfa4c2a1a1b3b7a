#!/bin/sh
# The whole suite against a running server (PGHOST, PGPORT, PGUSER; make
# installcheck calls it, make test inside pg_virtualenv): pg_regress, the
# upgrade check, then the pgTAP tests through pg_prove.  Exits non-zero on
# any failure, after running everything.
set -u
cd "$(dirname "$0")/.."
status=0

# pg_regress, through PGXS (it finds pg_regress for us).
if ! make --no-print-directory installcheck-regress; then
    [ -f regression.diffs ] && head -n 200 regression.diffs
    status=1
fi

# Upgrade from the last release: stored values, views and the catalog.
if ! tools/check-upgrade.sh; then
    status=1
fi

# pg_dump -Fc and pg_restore of every type, a materialized view and an index.
if ! tools/check-dump.sh; then
    status=1
fi

# pgTAP: a database with the extension and pgtap, then every test/*.sql.
dropdb --if-exists loyalty_tap >/dev/null 2>&1
createdb loyalty_tap || exit 1
psql -X -q -v ON_ERROR_STOP=1 -d loyalty_tap \
    -c 'CREATE EXTENSION pgtap' -c 'CREATE EXTENSION loyalty' || exit 1
if ! pg_prove -d loyalty_tap test/*.sql; then
    status=1
fi
exit $status
