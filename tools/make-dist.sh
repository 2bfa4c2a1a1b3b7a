#!/bin/sh
# make dist: the release archive loyalty-VERSION.zip (PGXN's format: one top
# folder, loyalty-VERSION/), from the committed HEAD:
#
#   - every tracked file (git archive);
#   - the built install and upgrade scripts (sql/loyalty--VERSION.sql,
#     sql/loyalty--A--VERSION.sql), so that the archive holds the script
#     META.json names; make rebuilds them from sql/install/ when those change;
#   - earlier releases' install scripts as released, sql/releases/, which
#     tools/release-script.sh reads when there is no git history: the
#     upgrade test of an unpacked archive then runs as in a checkout.  They
#     are not installed by make install (see README.md, Upgrading).
#
# An unpacked archive builds and installs with make && make install, without
# git (make test-dist checks this).  DIST_DIR says where the zip goes (the
# checkout by default).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tools/deps.sh dist

version=$(sed -n "s/^default_version = '\(.*\)'/\1/p" loyalty.control)
name=loyalty-$version
out=${DIST_DIR:-$root}/$name.zip
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
    echo "dist: note: uncommitted changes are not in the archive (it is made from HEAD)" >&2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git archive --format=tar --prefix="$name/" HEAD | tar -xf - -C "$tmp"
tree=$tmp/$name
# This release's install script and the upgrade scripts to it (one for each
# sql/upgrade/A--VERSION.sql).
built="sql/loyalty--$version.sql"
for f in "$tree"/sql/upgrade/*--"$version".sql; do
    [ -f "$f" ] || continue
    from=$(basename "$f" "--$version.sql")
    built="$built sql/loyalty--$from--$version.sql"
done
# shellcheck disable=SC2086
make --no-print-directory -s -C "$tree" $built
mkdir -p "$tree/sql/releases"
for v in $(sed -n 's/^OLD_RELEASES = //p' Makefile); do
    tools/release-script.sh "$v" > "$tree/sql/releases/loyalty--$v.sql" || {
        echo "dist: no script of release $v (make dist needs the git history)" >&2; exit 1; }
done
rm -f "$out"
(cd "$tmp" && zip -q -r -X "$out" "$name")
echo "dist: $out"
