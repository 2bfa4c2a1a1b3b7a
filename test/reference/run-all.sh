#!/bin/sh
# Run every reference script in this folder (see README); exit non-zero if
# any of them fails.  -v prints each script's whole output.  PYTHON picks the
# interpreter: by default Debian's /usr/bin/python3, which has
# python3-numpy, python3-scipy and python3-mpmath.
set -u
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-/usr/bin/python3}
verbose=0
[ "${1:-}" = -v ] && verbose=1
out=$(mktemp)
trap 'rm -f "$out"' EXIT
failed=0
for script in "$here"/*.py; do
    [ "$(basename "$script")" = sqltest.py ] && continue    # the shared helper
    if PYTHONDONTWRITEBYTECODE=1 "$python" "$script" >"$out" 2>&1; then
        [ $verbose = 1 ] && cat "$out" || tail -n 1 "$out"
    else
        failed=1
        [ $verbose = 1 ] && cat "$out" || grep -e '^FAIL' -e '^--' -e 'Error' "$out" || tail -n 5 "$out"
        echo "FAILED: $script"
    fi
done
exit $failed
