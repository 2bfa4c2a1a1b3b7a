#!/bin/bash
# Fail when loyalty.so exports a function or variable that the server
# exports too: the dynamic linker would bind our calls to the server's
# symbol (a `parse_int` of ours once called the GUC parser and crashed).
set -euo pipefail
server="$(${PG_CONFIG:-pg_config} --bindir)/postgres"
clash=$(comm -12 <(nm --defined-only -g loyalty.so | awk '{print $3}' | sort -u) \
                 <(nm -D --defined-only "$server" | awk '{print $3}' | sort -u))
if [ -n "$clash" ]; then
    echo "loyalty.so exports names that the server also exports; rename them:" >&2
    echo "$clash" >&2
    exit 1
fi
echo "symbol check: no exported name of loyalty.so clashes with the server"
