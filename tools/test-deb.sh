#!/bin/sh
# make test-deb: build the Debian package from a copy of this tree
# (dpkg-buildpackage -us -uc -b), install it into the system PostgreSQL with
# `apt-get install ./postgresql-NN-loyalty_*.deb`, check it in a throwaway
# cluster of that server (CREATE EXTENSION, exact values, the update from
# 0.1.0 through the packaged upgrade script), then remove it again, whatever
# happened, so that the system is left as it was.
#
# Root only (it installs a package).  It stops if the package is already
# installed: it would not remove what it did not install.
#
# The build skips debian/rules' own test run (nocheck): that is the whole
# suite, which `make test` runs on the same sources.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

if [ "$(id -u)" != 0 ]; then
    echo "test-deb: installs a package into the system, so runs as root only" >&2
    exit 1
fi
tools/deps.sh deb

version=$(sed -n "s/^default_version = '\(.*\)'/\1/p" loyalty.control)
work=$(mktemp -d /tmp/loyalty-deb.XXXXXX)
installed=""
cleanup() {
    status=$?
    for p in $installed; do
        apt-get remove -y -qq "$p" >/dev/null 2>&1 || { echo "test-deb: could not remove $p" >&2; status=1; }
    done
    rm -rf "$work"
    exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The throwaway server runs as postgres and apt as _apt: both read from $work.
chmod 755 "$work"
tools/copy-tree.sh "$work/src"
cd "$work/src"
majors=$(pg_buildext supported-versions | xargs)
for v in $majors; do
    if dpkg-query -W -f='${Status}\n' "postgresql-$v-loyalty" 2>/dev/null | grep -q ' installed$'; then
        echo "test-deb: postgresql-$v-loyalty is installed already; remove it first (apt-get remove postgresql-$v-loyalty)" >&2
        exit 1
    fi
done

echo "test-deb: dpkg-buildpackage -us -uc -b (PostgreSQL $majors)"
if ! DEB_BUILD_OPTIONS=nocheck dpkg-buildpackage -us -uc -b -Pnocheck > "$work/build.log" 2>&1; then
    tail -n 40 "$work/build.log"
    echo "test-deb: dpkg-buildpackage failed" >&2
    exit 1
fi
cd "$work"
debs=""
for v in $majors; do
    deb=$(ls "postgresql-$v-loyalty_${version}"-*_*.deb)
    debs="$debs ./$deb"
    installed="$installed postgresql-$v-loyalty"
done
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $debs > "$work/install.log" 2>&1 || {
    cat "$work/install.log"; echo "test-deb: apt-get install failed" >&2; exit 1; }

# The 0.1.0 script for the update check, as released (from the git history;
# users never need it).  The throwaway server reads it through Debian's
# extension_destdir, beside the package's files.
old="$work/old-release"
mkdir -p "$old"
for v in $majors; do
    sharedir=$("/usr/lib/postgresql/$v/bin/pg_config" --sharedir)
    mkdir -p "$old$sharedir/extension"
    "$root/tools/release-script.sh" 0.1.0 > "$old$sharedir/extension/loyalty--0.1.0.sql" 2>/dev/null \
        || rm -f "$old$sharedir/extension/loyalty--0.1.0.sql"
done
chmod -R a+rX "$old"

for v in $majors; do
    for f in "/usr/lib/postgresql/$v/lib/loyalty.so" \
             "/usr/share/postgresql/$v/extension/loyalty.control" \
             "/usr/share/postgresql/$v/extension/loyalty--$version.sql" \
             "/usr/share/postgresql/$v/extension/loyalty--0.1.0--$version.sql"; do
        dpkg -S "$f" >/dev/null 2>&1 || { echo "test-deb: postgresql-$v-loyalty lacks $f" >&2; exit 1; }
    done
    # Eight answers: 10, 10, 9, 9 are promoters (4), 8 and 7 passives (2), 6
    # and 0 detractors (2), so NPS = 100 * (4 - 2) / 8 = 25, and the counts per
    # point 0..10 are 1,0,0,0,0,0,1,1,1,2,2.  0.1.0 -> version: the path goes
    # through the packaged upgrade script.
    cat > "$work/expected" <<EOF
$version
25
scale=0..10 n={1,0,0,0,0,0,1,1,1,2,2}
0.1.0--$version
EOF
    PGPORT=$("$root/tools/free-port.sh") pg_virtualenv -t -v "$v" -o "extension_destdir=$old" \
        psql -X -q -At -v ON_ERROR_STOP=1 -o "$work/out" > "$work/err" 2>&1 <<EOF || { cat "$work/err"; exit 1; }
CREATE EXTENSION loyalty;
SELECT extversion FROM pg_extension WHERE extname = 'loyalty';
CREATE TABLE answers AS SELECT * FROM (VALUES (10), (10), (9), (9), (8), (7), (6), (0)) t(s);
SELECT nps(s) FROM answers;
SELECT nps_agg(s) FROM answers;
SELECT path FROM pg_extension_update_paths('loyalty') WHERE source = '0.1.0' AND target = '$version';
EOF
    if ! diff -u "$work/expected" "$work/out"; then
        echo "test-deb: PostgreSQL $v: wrong results from the installed package (- expected, + got)" >&2
        exit 1
    fi
    echo "test-deb: PostgreSQL $v: postgresql-$v-loyalty installs; CREATE EXTENSION loyalty, nps = 25, update path 0.1.0--$version"
    # The update itself, with stored values and views (tools/check-upgrade.sh;
    # it says "skipped" when there is no git history to take 0.1.0 from).
    PGPORT=$("$root/tools/free-port.sh") pg_virtualenv -t -v "$v" -o "extension_destdir=$old" \
        "$root/tools/check-upgrade.sh" > "$work/upgrade" 2>&1 || { cat "$work/upgrade"; exit 1; }
    grep '^upgrade:' "$work/upgrade" | sed "s/^/test-deb: PostgreSQL $v: /"
done
