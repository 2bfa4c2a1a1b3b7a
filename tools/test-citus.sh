#!/bin/bash
# The extension on a real Citus cluster: a coordinator and two workers on
# this machine, Debian's PostgreSQL with Citus and loyalty, every aggregate
# of the extension checked against the same query on a local table.  Prints
# a line per stage, one summary line and "citus: N passed, M failed"; exits
# non-zero when any check fails.
#
#   tools/test-citus.sh
#
# CITUS_SRC (default ../shared/citus/citus-13.2.2.tar.gz beside the
# checkout) is a Citus release tarball; a *.patch beside it (CITUS_PATCH)
# is applied when the server's headers need it.  Citus is built once into a
# cache outside the checkout ($LOYALTY_CACHE, default /var/cache/loyalty for
# root, whose servers run as the postgres user and must reach it;
# ~/.cache/loyalty for anyone else), installed there with DESTDIR and
# stamped, so a second run costs only the tests.  An installed Citus
# ($(pg_config --pkglibdir)/citus.so) is used as it is.
#
# Each run builds loyalty from a copy of the working tree (the checkout's
# own build is left alone) and installs it with a copy of Citus into a
# folder in /tmp, which the servers read through Debian's extension_destdir
# and dynamic_library_path, as `make test` does.  The servers run on free
# loopback ports and stop when the script ends, however it ends.
#
# The checks are in test/citus/check.sql, the data in test/citus/setup.sql.
# CITUS_ROWS (200000), CITUS_SHARDS (32) and
# CITUS_WORKER_EXTRA_FLOAT_DIGITS (0) change the data size and the workers'
# extra_float_digits, for experiments; CITUS_KEEP=1 keeps the run's folder
# (logs, results.txt with every check) after a run that passed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
PG_CONFIG=${PG_CONFIG:-pg_config}
citus_src=$(readlink -f "${CITUS_SRC:-$root/../shared/citus/citus-13.2.2.tar.gz}")
rows=${CITUS_ROWS:-200000}
shards=${CITUS_SHARDS:-32}
worker_efd=${CITUS_WORKER_EXTRA_FLOAT_DIGITS:-0}

major=$("$PG_CONFIG" --version | sed 's/^PostgreSQL \([0-9]*\).*/\1/')
bindir=$("$PG_CONFIG" --bindir)
pkglibdir=$("$PG_CONFIG" --pkglibdir)
includedir=$("$PG_CONFIG" --includedir-server)
if [ "$(id -u)" = 0 ]; then default_cache=/var/cache/loyalty; else default_cache=$HOME/.cache/loyalty; fi
cache=${LOYALTY_CACHE:-$default_cache}
start=$SECONDS

say() { echo "citus: $*"; }
die() { echo "citus: $*" >&2; exit 1; }

# The server, its headers, make and cc (tools/deps.sh installs them as root).
"$root/tools/deps.sh" || exit 1

# Everything of this run lives here: the install, the three data folders,
# the sockets and the logs.  World-readable, as the servers run as the
# postgres user when we are root (initdb refuses root).
work=$(mktemp -d /tmp/loyalty-citus.XXXXXX)
chmod a+rx "$work"
destdir="$work/install"
as=()
[ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
nodes=()     # data folders of the servers started, stopped on exit
build=""     # a Citus build folder in the cache, removed on exit

cleanup() {
    local status=$?
    for data in "${nodes[@]}"; do
        "${as[@]}" "$bindir/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
    done
    [ -z "$build" ] || rm -rf "$build"
    if [ "$status" = 0 ] && [ -z "${CITUS_KEEP:-}" ]; then
        rm -rf "$work"
    else
        echo "citus: logs kept in $work (*.log, */server.log)" >&2
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- Citus ----------------------------------------------------------------

# Build Citus from $citus_src into the cache, once, and set $citus to the
# cache folder (a DESTDIR tree: usr/lib/postgresql/NN/lib/citus.so,
# usr/share/postgresql/NN/extension/citus.control, ...).
build_citus() {
    local name stamp log patch
    name=$(basename "$citus_src" | sed -E 's/\.tar\.(gz|bz2|xz)$//')   # citus-13.2.2
    citus="$cache/$name-pg$major"
    stamp="$citus/.loyalty-built"
    [ -f "$stamp" ] && return
    [ -f "$citus_src" ] || die "no Citus source: $citus_src (set CITUS_SRC)"
    # Debian -dev packages that Citus needs beyond the server headers: the
    # server's own headers include gssapi.h when PostgreSQL was built with
    # GSSAPI (libpq-be.h, which Citus reads), and its pg_config.h defines
    # HAVE_LIBZSTD, which makes Citus' columnar code include zstd.h even when
    # configured --without-zstd.
    "$root/tools/deps.sh" citus
    mkdir -p "$cache"
    chmod a+rx "$cache"
    log="$cache/$name-pg$major.log"
    build=$(mktemp -d "$cache/build.XXXXXX")
    say "building $name for PostgreSQL $major, once (log: $log)"
    if ! (
        set -e
        tar -xf "$citus_src" -C "$build"
        cd "$build/$name"
        # PostgreSQL 15.20's dbcommands.h declares have_createdb_privilege,
        # which Citus 13.2 also defines: the patch renames Citus' own.
        if grep -q have_createdb_privilege "$includedir/commands/dbcommands.h" &&
                ! grep -q citus_have_createdb_privilege src/include/pg_version_compat.h; then
            patch=${CITUS_PATCH:-}
            for f in "$(dirname "$citus_src")"/*.patch; do
                [ -n "$patch" ] || [ ! -f "$f" ] || patch=$f
            done
            [ -n "$patch" ] && [ -f "$patch" ] || { echo "no patch for have_createdb_privilege beside $citus_src"; exit 1; }
            echo "applying $patch"
            patch -p1 <"$patch"
        fi
        # No statistics collection (libcurl) and no lz4 for columnar; zstd
        # only when the server has it anyway (see tools/deps.sh citus).
        opts=(--without-libcurl --without-lz4)
        grep -q '^#define HAVE_LIBZSTD 1' "$includedir/pg_config.h" || opts+=(--without-zstd)
        ./configure "${opts[@]}" PG_CONFIG="$PG_CONFIG"
        make -j2 -s
        make -s install DESTDIR="$build/install"
    ) >"$log" 2>&1; then
        tail -n 40 "$log" >&2
        die "building Citus failed; full log: $log"
    fi
    rm -rf "$citus"
    mv "$build/install" "$citus"
    chmod -R a+rX "$citus"
    touch "$stamp"
    rm -rf "$build"
    build=""
}

if [ -f "$pkglibdir/citus.so" ]; then
    citus=""
    say "using the installed Citus ($pkglibdir/citus.so)"
else
    t0=$SECONDS
    build_citus
    say "Citus from $citus ($((SECONDS - t0)) s)"
fi

# --- loyalty --------------------------------------------------------------

# Build from a copy of the working tree (tracked and new files, not build
# output), install it beside a copy of Citus.
tree="$work/tree"
"$root/tools/copy-tree.sh" "$tree"
mkdir -p "$destdir"
[ -z "$citus" ] || cp -a "$citus/usr" "$destdir/"
if ! { make -C "$tree" -j2 PG_CONFIG="$PG_CONFIG" all &&
       make -C "$tree" PG_CONFIG="$PG_CONFIG" install DESTDIR="$destdir"; } >"$work/loyalty-build.log" 2>&1; then
    tail -n 30 "$work/loyalty-build.log" >&2
    die "loyalty build failed"
fi
chmod -R a+rX "$work"
say "loyalty built and installed into $destdir"

# --- the cluster ----------------------------------------------------------

sock="$work/sock"
mkdir -p "$sock"
[ "$(id -u)" = 0 ] && chown postgres "$sock"

# Three different free ports.
ports=()
while [ "${#ports[@]}" -lt 3 ]; do
    p=$("$root/tools/free-port.sh")
    [[ " ${ports[*]} " == *" $p "* ]] || ports+=("$p")
done
coord_port=${ports[0]}

# start_node NAME PORT [extra postgresql.conf lines]
start_node() {
    local name=$1 port=$2 data="$work/$1"
    shift 2
    mkdir -p "$data"
    [ "$(id -u)" = 0 ] && chown postgres "$data"
    "${as[@]}" "$bindir/initdb" -D "$data" -U postgres --auth=trust --no-sync -E UTF8 --locale=C \
        >"$work/$name-initdb.log" 2>&1 || { cat "$work/$name-initdb.log" >&2; die "initdb of $name failed"; }
    {
        echo "port = $port"
        echo "listen_addresses = '127.0.0.1'"
        echo "unix_socket_directories = '$sock'"
        echo "shared_preload_libraries = 'citus'"
        # Both extensions load from the per-run install (Debian's
        # extension_destdir for control and SQL files and $libdir, the
        # library path for shared_preload_libraries).
        echo "extension_destdir = '$destdir'"
        echo "dynamic_library_path = '$destdir$pkglibdir:\$libdir'"
        # Citus compares its library's version with the one
        # pg_available_extensions() lists, which reads only the server's own
        # extension folder, not extension_destdir: without this, CREATE
        # EXTENSION citus fails with "citus extension is not found".  The
        # library and the SQL files come from the same build here.
        echo "citus.enable_version_checks = off"
        # Plain connections on the loopback (else Citus requires TLS and
        # turns it on with a self-signed certificate).
        echo "citus.node_conninfo = 'sslmode=disable'"
        echo "max_connections = 200"
        echo "fsync = off"
        echo "synchronous_commit = off"
        echo "full_page_writes = off"
        echo "TimeZone = 'UTC'"
        printf '%s\n' "$@"
    } >>"$data/postgresql.conf"
    nodes+=("$data")
    "${as[@]}" "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -w -t 120 start >/dev/null 2>&1 ||
        { tail -n 20 "$data/server.log" >&2; die "$name did not start"; }
}

start_node coordinator "${ports[0]}"
# The workers send partial aggregate states to the coordinator as the text
# form of the state type (worker_partial_agg returns cstring), and the text
# must be exact whatever the workers' settings: so they run with the
# setting that makes float8out print the fewest digits.
start_node worker1 "${ports[1]}" "extra_float_digits = $worker_efd"
start_node worker2 "${ports[2]}" "extra_float_digits = $worker_efd"
say "coordinator on port ${ports[0]}, workers on ${ports[1]} and ${ports[2]} (extra_float_digits = $worker_efd)"

psql_on() {   # psql_on PORT [psql arguments]
    local port=$1
    shift
    "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$sock" -p "$port" -U postgres -d postgres "$@"
}
for port in "${ports[@]:1}"; do
    psql_on "$port" -c 'CREATE EXTENSION citus' >/dev/null
done

# --- checks ---------------------------------------------------------------

passed=0
failed=0
# The largest relative difference seen, by part and kind of state
# ("aggregates:trend"), plain and against the bar (see check.sql).
declare -A maxrd=() maxbar=()
larger() { awk -v a="${1:-0}" -v b="$2" 'BEGIN { print (b + 0 > a + 0) ? b : a }'; }
results="$work/results.txt"
: >"$results"

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "citus: FAIL $*"; }

t0=$SECONDS
loaded=$(psql_on "$coord_port" -v coordinator_port="${ports[0]}" -v worker1_port="${ports[1]}" \
    -v worker2_port="${ports[2]}" -v rows="$rows" -v shards="$shards" -f "$root/test/citus/setup.sql" 2>&1) ||
    { echo "$loaded" >&2; die "setup failed"; }
say "setup: ${loaded##*$'\n'} ($((SECONDS - t0)) s)"

# loyalty reached the workers: Citus created it there when the nodes were
# added, at the coordinator's version, with all its aggregates.
ext_query="SELECT e.extversion || ' ' || count(a.*) FROM pg_extension e
    LEFT JOIN pg_depend d ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid AND d.deptype = 'e'
        AND d.classid = 'pg_proc'::regclass
    LEFT JOIN pg_aggregate a ON a.aggfnoid = d.objid
    WHERE e.extname = 'loyalty' GROUP BY e.extversion"
want=$(psql_on "$coord_port" -At -c "$ext_query")
for port in "${ports[@]:1}"; do
    got=$(psql_on "$port" -At -c "$ext_query")
    if [ -n "$want" ] && [ "$got" = "$want" ]; then
        pass
    else
        fail "loyalty on the worker on port $port: '${got:-not installed}', on the coordinator '$want' (version, aggregates)"
    fi
done
say "loyalty ${want%% *} with ${want##* } aggregates on the coordinator and on both workers"

# run_part PART: the checks of test/citus/check.sql for PART; lines are
# ok|kind|name|category|largest relative difference|largest against the
# bar|detail (a failure's detail may go on over indented lines).
run_part() {
    local part=$1 out ok kind name cat rd bar detail
    out=$(psql_on "$coord_port" -v part="$part" -f "$root/test/citus/check.sql" 2>&1) ||
        { echo "$out" >&2; die "$part: check.sql failed"; }
    echo "$out" >>"$results"
    local last=t line
    while IFS= read -r line; do
        IFS='|' read -r ok kind name cat rd bar detail <<<"$line"
        case "$ok" in
            t) pass; last=t ;;
            f) fail "$kind $name${cat:+ ($cat)}: $detail"; last=f ;;
            *) [ "$last" = t ] || echo "$line"; continue ;;   # a failure's further lines
        esac
        if [ -n "$cat" ] && [ "$cat" != counts ]; then
            maxrd[$part:$cat]=$(larger "${maxrd[$part:$cat]:-}" "$rd")
            maxbar[$part:$cat]=$(larger "${maxbar[$part:$cat]:-}" "$bar")
        fi
    done <<<"$out"
}
count() {   # count KIND: checks of that kind that passed
    awk -F'|' -v k="$1" '$1 == "t" && $2 == k' "$results" | wc -l
}
names() {   # names KIND: distinct names of that kind
    awk -F'|' -v k="$1" '$2 == k { print $3 }' "$results" | sort -u | wc -l
}

t0=$SECONDS
run_part aggregates
nsig=$(names partial)
say "aggregates: $nsig signatures: $(count partial) partial on the workers, $(count value) equal to local ($((SECONDS - t0)) s)"

t0=$SECONDS
run_part rollups
nrollup=$(awk -F'|' '$2 == "rollup" && $3 !~ / by month$/ { print $3 }' "$results" | sort -u | wc -l)
say "rollups: $nrollup stored summary columns, in total and by month: $(count rollup-plan) of $((2 * nrollup)) partial on the workers, $(count rollup) equal to local ($((SECONDS - t0)) s)"

t0=$SECONDS
run_part pushdown
pushdown=$(awk -F'|' '$2 == "pushdown-plan" { print $3 }' "$results" | head -n 1)
kinds=$(awk -F'|' '$2 == "pushdown"' "$results" | wc -l)
if [ "$(count pushdown-plan)" = 1 ]; then plan="run whole on the workers"; else plan="NOT run whole on the workers"; fi
say "pushdown: $pushdown: $plan; $(count pushdown) of $kinds kinds of state equal to local in every group ($((SECONDS - t0)) s)"

# "drivers 3.8e-14, trends 5.9e-14 (plain relative 1.9e-11)"
largest() {
    local part=$1 out="" cat
    for cat in drivers trend; do
        [ -n "${maxrd[$part:$cat]:-}" ] || continue
        out+="${out:+, }$cat $(printf '%.2g' "${maxbar[$part:$cat]}")"
        [ "${maxbar[$part:$cat]}" = "${maxrd[$part:$cat]}" ] ||
            out+=" (plain relative $(printf '%.2g' "${maxrd[$part:$cat]}"))"
    done
    echo "${out:-none}"
}
say "largest difference to local (relative; a trend below 1 in magnitude: absolute; bar 1e-12; counts bit-identical):"
say "    whole table $(largest aggregates); rollups $(largest rollups); per customer $(largest pushdown)"
say "finished in $((SECONDS - start)) s"
if [ "$failed" = 0 ]; then
    say "$nsig aggregate signatures partial on workers and equal to local; $nrollup rollups equal; pushdown by customer equal"
else
    say "$failed checks failed; results in $results"
fi
echo "citus: $passed passed, $failed failed"
[ "$failed" = 0 ]
