#!/bin/bash
# Print a free TCP port for a throwaway cluster: pg_virtualenv takes the
# first free port from 5432 on, which two runs starting at once can both
# take; starting from a random point avoids that.
start=$((20000 + RANDOM % 20000))
for ((p = start; p < start + 200; p++)); do
    [ -e "/var/run/postgresql/.s.PGSQL.$p" ] && continue
    [ -e "/tmp/.s.PGSQL.$p" ] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
        echo "$p"
        exit 0
    fi
done
echo 5432
