#!/bin/bash
# Build one PostgreSQL release from its source tarball, with pgTAP, into a
# cache outside the checkout, once.  Prints the install prefix.
#
#   tools/build-pg.sh path/to/postgresql-X.Y.tar.bz2 [path/to/pgtap-A.B.C.tar.gz]
#
# The cache is $LOYALTY_CACHE (default /var/cache/loyalty for root, whose
# test clusters run as the postgres user and must reach the binaries;
# ~/.cache/loyalty for anyone else); a finished build
# leaves a stamp there, so a second call costs nothing.  Build output goes to
# a log beside the build, which is printed when the build fails.
set -euo pipefail
tarball=$(readlink -f "$1")
pgtap=${2:+$(readlink -f "$2")}
if [ "$(id -u)" = 0 ]; then default_cache=/var/cache/loyalty; else default_cache=$HOME/.cache/loyalty; fi
cache=${LOYALTY_CACHE:-$default_cache}
name=$(basename "$tarball" | sed -E 's/\.tar\.(bz2|gz|xz)$//')   # postgresql-17.2
prefix="$cache/$name"
stamp="$prefix/.loyalty-built"
[ -z "$pgtap" ] || stamp="$stamp-$(basename "$pgtap" .tar.gz)"
if [ -f "$stamp" ]; then
    echo "$prefix"
    exit 0
fi

mkdir -p "$cache"
chmod a+rx "$cache"
build=$(mktemp -d "$cache/build.XXXXXX")
log="$cache/$name.log"
trap 'rm -rf "$build"' EXIT
fail() { tail -n 40 "$log" >&2; echo "build-pg: $1 failed; full log: $log" >&2; exit 1; }

jobs=$(nproc)
{
    tar -xf "$tarball" -C "$build"
    cd "$build/$name"
    # Only the server, its headers and the client programs the tests use:
    # no ICU, readline or zlib, so the build needs no -dev package beyond
    # bison and flex (for a git export such as 17.2).
    ./configure --prefix="$prefix" --without-icu --without-readline --without-zlib \
        --enable-debug --enable-cassert CFLAGS="-O2"
} >"$log" 2>&1 || fail "configure of $name"
{
    make -C "$build/$name" -j"$jobs" -s
    make -C "$build/$name" -s install
} >>"$log" 2>&1 || fail "build of $name"

if [ -n "$pgtap" ]; then
    {
        tar -xf "$pgtap" -C "$build"
        cd "$build/$(basename "$pgtap" .tar.gz)"
        make PG_CONFIG="$prefix/bin/pg_config" -s
        make PG_CONFIG="$prefix/bin/pg_config" -s install
    } >>"$log" 2>&1 || fail "pgTAP for $name"
fi
touch "$stamp"
echo "$prefix"
