#!/bin/sh
# Copy the working tree (tracked and new files, not build output) into DEST,
# for a build that must leave the checkout's own build alone.
#
#   tools/copy-tree.sh DEST
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$1"
if git -C "$root" rev-parse >/dev/null 2>&1; then
    (cd "$root" && git ls-files -co --exclude-standard -z | xargs -0 tar -cf - 2>/dev/null) | tar -xf - -C "$1"
else
    cp -a "$root/." "$1"
fi
