#!/bin/sh
# Print the install script of an earlier release exactly as it was released,
# from the git history: the upgrade test installs it, then updates.
#
#   tools/release-script.sh 0.1.0 > .../extension/loyalty--0.1.0.sql
#
# Without the history (an unpacked release archive), prints the copy that
# make dist put in the archive, sql/releases/loyalty--VERSION.sql.  Exits 3
# when neither is there (an export without .git).
set -eu
cd "$(dirname "$0")/.."
case "$1" in
    0.1.0) commit=2d7cb93 ;;   # the 0.1.0 release (also tagged 0.1.0)
    *) echo "release-script: unknown release $1" >&2; exit 2 ;;
esac
if ! git cat-file -e "$commit^{commit}" 2>/dev/null; then
    if [ -f "sql/releases/loyalty--$1.sql" ]; then
        exec cat "sql/releases/loyalty--$1.sql"
    fi
    echo "release-script: no git history with release $1 ($commit), and no sql/releases/loyalty--$1.sql" >&2
    exit 3
fi
# 0.1.0's Makefile built its script as `cat` of sql/install/*.sql, sorted.
for f in $(git ls-tree --name-only "$commit" sql/install/ | sort); do
    git show "$commit:$f"
done
