#!/bin/sh
# Install what `make test`, `make demo`, `make bench`, `make test-matrix`
# (`tools/deps.sh matrix`), the Citus build (`tools/deps.sh citus`), the
# Debian package build (`tools/deps.sh deb`: debian/control's Build-Depends
# for a build without its tests) and the release archive (`tools/deps.sh
# dist`) need on Debian or Ubuntu when run as root; otherwise say exactly
# what to install.
set -eu

major=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -n 1)
if [ -z "$major" ]; then
    echo "No PostgreSQL server found in /usr/lib/postgresql." >&2
    echo "Install one first, for example: apt-get install postgresql-15" >&2
    exit 1
fi

# What the build really reads: the server headers.  (pgxs.mk alone proves
# nothing: Debian ships it in postgresql-client-NN.)
missing=""
includedir=$("/usr/lib/postgresql/$major/bin/pg_config" --includedir-server 2>/dev/null || true)
[ -n "$includedir" ] && [ -f "$includedir/postgres.h" ] || missing="$missing postgresql-server-dev-$major"
[ -f "/usr/share/postgresql/$major/extension/pgtap.control" ] || missing="$missing postgresql-$major-pgtap"
command -v pg_prove >/dev/null 2>&1 || missing="$missing libtap-parser-sourcehandler-pgtap-perl"
command -v pg_virtualenv >/dev/null 2>&1 || missing="$missing postgresql-common"
command -v make >/dev/null 2>&1 && command -v cc >/dev/null 2>&1 || missing="$missing build-essential"
# `tools/deps.sh matrix`: also what building PostgreSQL from a source tarball
# needs (bison and flex for a git export such as 17.2).
if [ "${1:-}" = matrix ]; then
    command -v bison >/dev/null 2>&1 || missing="$missing bison"
    command -v flex >/dev/null 2>&1 || missing="$missing flex"
fi
# `tools/deps.sh deb`: dpkg-buildpackage, debhelper, and pg_buildext's
# debhelper sequence (postgresql-server-dev-all, which also brings the
# server headers of every supported major).
if [ "${1:-}" = deb ]; then
    command -v dpkg-buildpackage >/dev/null 2>&1 || missing="$missing dpkg-dev"
    command -v dh >/dev/null 2>&1 || missing="$missing debhelper"
    command -v dh_pgxs_test >/dev/null 2>&1 || missing="$missing postgresql-server-dev-all"
fi
# `tools/deps.sh dist`: zip for make dist, unzip for make test-dist.
if [ "${1:-}" = dist ]; then
    command -v zip >/dev/null 2>&1 || missing="$missing zip"
    command -v unzip >/dev/null 2>&1 || missing="$missing unzip"
fi
# `tools/deps.sh citus`: the headers that the server's own headers pull in
# when it was built with them (Citus includes them whatever its configure
# options), and libpq.
if [ "${1:-}" = citus ] && [ -n "$includedir" ]; then
    has() { grep -q "^#define $1 1" "$includedir/pg_config.h"; }
    if has ENABLE_GSS && [ ! -f /usr/include/gssapi/gssapi.h ]; then missing="$missing libkrb5-dev"; fi
    if has HAVE_LIBZSTD && [ ! -f /usr/include/zstd.h ]; then missing="$missing libzstd-dev"; fi
    if has USE_OPENSSL && [ ! -f /usr/include/openssl/ssl.h ]; then missing="$missing libssl-dev"; fi
    [ -f /usr/include/postgresql/libpq-fe.h ] || missing="$missing libpq-dev"
fi

[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then
    echo "Installing:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq $missing >/dev/null
else
    echo "Missing packages:$missing" >&2
    echo "Install them with:" >&2
    echo "    sudo apt-get install$missing" >&2
    exit 1
fi
