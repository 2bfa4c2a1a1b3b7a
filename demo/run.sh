#!/bin/sh
# `make demo`: runs inside pg_virtualenv.  Builds the sample CRM, then prints
# each section of the report in demo/report/ in name order.
set -eu
cd "$(dirname "$0")"
export PGDATABASE=loyalty_demo
dropdb --if-exists loyalty_demo >/dev/null 2>&1 || true
createdb loyalty_demo
psql -X -q -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION loyalty'
echo "Generating the sample CRM (2,000 customers, a year of survey answers and comments, 200 stores) ..."
psql -X -q -v ON_ERROR_STOP=1 -f crm.sql >/dev/null
psql -X -q -A -t -c "SELECT format(E'%s customers, %s survey answers (%s with a comment), %s stored daily summaries, %s of themes;\n%s stores, %s store visits, %s stored weekly summaries',
                          (SELECT count(*) FROM customers), (SELECT count(*) FROM responses),
                          (SELECT count(comment) FROM responses), (SELECT count(*) FROM daily_summary),
                          (SELECT count(*) FROM daily_themes), (SELECT count(*) FROM stores),
                          (SELECT count(*) FROM store_visits), (SELECT count(*) FROM store_weekly))"
for section in report/*.sql; do
    psql -X -q -v ON_ERROR_STOP=1 -P footer=off -f "$section"
done
