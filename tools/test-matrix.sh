#!/bin/bash
# The version matrix: the whole suite (pg_regress and pgTAP) against every
# PostgreSQL release whose source tarball is in $PG_SOURCES, and against the
# PostgreSQL that Debian installed.  Prints one line per version and exits
# non-zero when any version fails.
#
#   tools/test-matrix.sh                   every tarball, then Debian's server
#   PG_VERSIONS="18" tools/test-matrix.sh  only the majors listed ("system"
#                                          names Debian's installed server)
#
# PG_SOURCES (default ../shared/pg-src) holds postgresql-X.Y.tar.bz2 (or .gz)
# release tarballs, as published on postgresql.org, and a pgtap-*.tar.gz.
# Each release is built once into a cache outside the checkout
# (tools/build-pg.sh); a run after the first costs only the tests.  Each
# version gets its own copy of the working tree, so the checkout's own build
# is left alone.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sources=$(readlink -f "${PG_SOURCES:-$root/../shared/pg-src}")
only=${PG_VERSIONS:-}
work=$(mktemp -d /tmp/loyalty-matrix.XXXXXX)
chmod a+rx "$work"
trap 'rm -rf "$work"' EXIT

"$root/tools/deps.sh" matrix || exit 1

wanted() { [ -z "$only" ] || [[ " $only " == *" $1 "* ]]; }

# pg_regress "All 4 tests passed." / "1 of 4 tests failed."; prove's
# "Files=14, Tests=484" and "Failed 2/30 subtests".
summarize() {
    local log=$1 regress pgtap_total pgtap_failed
    regress=$(sed -n -E 's/.*All ([0-9]+) tests passed.*/\1\/\1/p; s/.*([0-9]+) of ([0-9]+) tests failed.*/-\1 \2/p' "$log" | tail -n 1)
    if [[ "$regress" == -* ]]; then
        read -r f t <<<"${regress#-}"
        regress="$((t - f))/$t"
    fi
    pgtap_total=$(sed -n -E 's/^Files=[0-9]+, Tests=([0-9]+),.*/\1/p' "$log" | tail -n 1)
    pgtap_failed=$(sed -n -E 's/.*Failed ([0-9]+)\/[0-9]+ subtests.*/\1/p' "$log" | awk '{s += $1} END {print s + 0}')
    upgrade=$(sed -n -E 's/^upgrade: (skipped).*/\1/p; s/^upgrade: 0.*keeps stored values.*/ok/p; s/^upgrade: .*differ.*/FAILED/p' "$log" | tail -n 1)
    printf 'pg_regress %s  upgrade %s  pgTAP %s/%s' "${regress:-?}" "${upgrade:-FAILED}" \
        "$(( ${pgtap_total:-0} - ${pgtap_failed:-0} ))" "${pgtap_total:-?}"
}

# Run the suite against a server built from source: a throwaway cluster on
# a free port, run as the postgres user when we are root (initdb refuses
# root).
test_built() {
    local prefix=$1 tree=$2 log=$3 data sock port as=()
    data="$work/data.$(basename "$prefix")"
    sock="$work/sock.$(basename "$prefix")"
    mkdir -p "$sock"
    if [ "$(id -u)" = 0 ]; then
        as=(runuser -u postgres --)
        mkdir -p "$data"
        chown postgres "$data" "$sock"
    fi
    port=$("$root/tools/free-port.sh")
    {
        "${as[@]}" "$prefix/bin/initdb" -D "$data" -U postgres --auth=trust --no-sync >/dev/null &&
        "${as[@]}" "$prefix/bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
            -o "-p $port -k $sock -c listen_addresses=''" start >/dev/null
    } >>"$log" 2>&1 || return 1
    (
        export PATH="$prefix/bin:$PATH" PG_CONFIG="$prefix/bin/pg_config"
        export PGHOST="$sock" PGPORT="$port" PGUSER=postgres
        cd "$tree" && make --no-print-directory installcheck
    ) >>"$log" 2>&1
    local status=$?
    "${as[@]}" "$prefix/bin/pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1
    return $status
}

failed=0
passed=0
report() {   # label status detail
    if [ "$2" = 0 ]; then
        passed=$((passed + 1)); printf '%-26s ok    %s\n' "$1" "$3"
    else
        failed=$((failed + 1)); printf '%-26s FAIL  %s\n' "$1" "$3"
    fi
}

pgtap=$(ls "$sources"/pgtap-*.tar.gz 2>/dev/null | sort -V | tail -n 1)
for tarball in $(ls "$sources"/postgresql-*.tar.* 2>/dev/null | sort -V); do
    version=$(basename "$tarball" | sed -E 's/^postgresql-([0-9.]+)\.tar\..*/\1/')
    major=${version%%.*}
    wanted "$major" || continue
    label="PostgreSQL $version"
    log="$work/$version.log"
    if ! prefix=$("$root/tools/build-pg.sh" "$tarball" "$pgtap" 2>"$log"); then
        report "$label" 1 "server build failed"; tail -n 20 "$log"; continue
    fi
    tree="$work/tree-$version"
    "$root/tools/copy-tree.sh" "$tree"
    # GIT_DIR: the copy has no .git; install-old-releases reads the history.
    if ! GIT_DIR="$root/.git" make -C "$tree" PG_CONFIG="$prefix/bin/pg_config" LOYALTY_CFLAGS="${LOYALTY_CFLAGS:--Werror}" \
            all install install-old-releases >>"$log" 2>&1; then
        report "$label" 1 "extension build failed"; grep -E 'error|warning' "$log" | head -n 20; continue
    fi
    test_built "$prefix" "$tree" "$log"
    status=$?
    report "$label" $status "build ok  $(summarize "$log")"
    [ $status = 0 ] || { grep -E '^not ok|FAILED|[Ff]ailed|^#' "$log" | head -n 40; [ -f "$tree/regression.diffs" ] && head -n 60 "$tree/regression.diffs"; }
done

if wanted system; then
    version=$(pg_config --version 2>/dev/null | awk '{print $2}')
    tree="$work/tree-system"
    log="$work/system.log"
    "$root/tools/copy-tree.sh" "$tree"
    GIT_DIR="$root/.git" make -C "$tree" test LOYALTY_CFLAGS="${LOYALTY_CFLAGS:--Werror}" >"$log" 2>&1
    status=$?
    report "PostgreSQL $version (Debian)" $status "build ok  $(summarize "$log")"
    [ $status = 0 ] || tail -n 40 "$log"
fi

echo "matrix: $passed passed, $failed failed"
[ "$failed" = 0 ]
