#!/bin/sh
# make test-dist: make the release archive into a folder in /tmp, check that
# it has the one top folder PGXN wants and a valid META.json (the archive's
# own tools/check-meta.pl), then unpack it and build and install it as a
# user would, `make && make install` (into a DESTDIR), with a git that fails
# first in PATH: the archive must not need the history.  The install must
# hold the module, the control file, this release's install script and the
# upgrade scripts, and `make install-old-releases` (the upgrade test) must
# find 0.1.0's script, as released, in the archive.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tools/deps.sh dist

version=$(sed -n "s/^default_version = '\(.*\)'/\1/p" loyalty.control)
work=$(mktemp -d /tmp/loyalty-dist.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "test-dist: $*" >&2; exit 1; }

DIST_DIR=$work tools/make-dist.sh >/dev/null
zip=$work/loyalty-$version.zip
[ -f "$zip" ] || fail "make dist made no $zip"
outside=$(unzip -Z1 "$zip" | grep -v "^loyalty-$version/" || true)
[ -z "$outside" ] || fail "files outside loyalty-$version/: $outside"
unzip -q "$zip" -d "$work/unpacked"
tree=$work/unpacked/loyalty-$version
[ ! -e "$tree/.git" ] || fail "the archive has .git"
perl "$tree/tools/check-meta.pl" "$tree"

# A git that fails and notes how it was called.
mkdir "$work/bin"
cat > "$work/bin/git" <<EOF
#!/bin/sh
echo "\$*" >> "$work/git-calls"
exit 1
EOF
chmod +x "$work/bin/git"
dest=$work/install
if ! PATH="$work/bin:$PATH" make -C "$tree" > "$work/build.log" 2>&1 \
    || ! PATH="$work/bin:$PATH" make -C "$tree" install install-old-releases DESTDIR="$dest" >> "$work/build.log" 2>&1; then
    tail -n 30 "$work/build.log"
    fail "the unpacked archive does not build and install"
fi
# release-script.sh asks git for the 0.1.0 commit first; nothing else may.
if [ -f "$work/git-calls" ] && grep -qv '^cat-file ' "$work/git-calls"; then
    fail "the build of the unpacked archive ran git: $(grep -v '^cat-file ' "$work/git-calls" | head -n 3)"
fi

pkglibdir=$(pg_config --pkglibdir)
extdir=$(pg_config --sharedir)/extension
for f in "$pkglibdir/loyalty.so" "$extdir/loyalty.control" "$extdir/loyalty--$version.sql" \
         "$extdir/loyalty--0.1.0--$version.sql" "$extdir/loyalty--0.1.0.sql"; do
    [ -s "$dest$f" ] || fail "the install of the unpacked archive has no $f"
done
tools/release-script.sh 0.1.0 > "$work/0.1.0.sql" 2>/dev/null \
    || fail "no git history here to check the archive's 0.1.0 script against"
cmp -s "$work/0.1.0.sql" "$dest$extdir/loyalty--0.1.0.sql" \
    || fail "the archive's 0.1.0 script is not 0.1.0's as released"
echo "test-dist: loyalty-$version.zip ($(unzip -Z1 "$zip" | grep -vc '/$') files) builds and installs without git: loyalty.so, loyalty--$version.sql, loyalty--0.1.0--$version.sql, and 0.1.0's script for the upgrade test"
