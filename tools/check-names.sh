#!/bin/bash
# Every SQL-callable C function can be found by name (README.md: "Layout"):
# for each function the built install script declares, `git grep` of its C
# symbol finds one definition in src/ (PG_FUNCTION_INFO_V1 or a line of
# entry points) and its declaration in sql/install/; and every entry point
# in src/ is declared by the install script or is one that only databases
# not yet updated from 0.1.0 call (listed in src/ on lines "0.1.0: name ...").
# (grep -q reads here-strings, not pipes: under pipefail, a grep -q that stops
# early would make the echo before it fail with SIGPIPE.)
set -euo pipefail
cd "$(dirname "$0")/.."
script=${1:-sql/loyalty--$(sed -n "s/^default_version = '\(.*\)'/\1/p" loyalty.control).sql}
fail=0
symbols=$(grep -o "'MODULE_PATHNAME', '[a-z_0-9]*'" "$script" | sed "s/.*, '\(.*\)'/\1/" | sort -u)
defined=$(perl -ne 'print "$1\n" if /^PG_FUNCTION_INFO_V1\((\w+)\)/ || /^LOYALTY_ENTRY\((\w+),/;
                    if (/^[A-Z]+_ENTRIES\((.*)\)\s*$/) { print "$_\n" for grep { /^[a-z]\w*$/ } split /,\s*/, $1 }' src/*.c | sort)
dups=$(echo "$defined" | uniq -d)
if [ -n "$dups" ]; then echo "defined twice in src/: $dups" >&2; fail=1; fi
for s in $symbols; do
    if ! grep -qx "$s" <<<"$defined"; then
        echo "no definition in src/ of $s (declared in $script)" >&2; fail=1
    fi
    if ! grep -qw "$s" sql/install/*.sql; then
        echo "sql/install/ does not name $s" >&2; fail=1
    fi
done
for s in $(echo "$defined" | sort -u); do
    if ! grep -qx "$s" <<<"$symbols" && ! grep -q "0\.1\.0:.*\b$s\b" src/*.c; then
        echo "entry point $s is declared nowhere (and not marked as 0.1.0's)" >&2; fail=1
    fi
done
[ $fail = 0 ] && echo "names: $(echo "$symbols" | wc -l) C functions of $script defined once in src/ and named in sql/install/"
exit $fail
