# Sourced by the checks that run against a server (check-upgrade.sh,
# check-dump.sh): `scratch_dbs NAME...` makes empty databases that are
# dropped again on exit, with $out a temporary folder removed on exit;
# psql_q runs psql quietly, stopping at the first error; `same A B WHAT`
# fails, showing the differences, unless files A and B are equal.
out=$(mktemp -d)
scratch=""
trap 'rm -rf "$out"; for db in $scratch; do dropdb --if-exists "$db" >/dev/null 2>&1; done' EXIT
psql_q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
scratch_dbs() {
    for db in "$@"; do
        dropdb --if-exists "$db" >/dev/null 2>&1
        createdb "$db"
        scratch="$scratch $db"
    done
}
same() {
    if ! diff -u "$1" "$2" > "$out/diff"; then
        echo "$3 (- $(basename "$1"), + $(basename "$2")):"
        cat "$out/diff"
        exit 1
    fi
}
