#!/usr/bin/env bash
# Starts a PostgreSQL server on 127.0.0.1:5432 with role lantai/lantai for the tests (idempotent).
set -euo pipefail
ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
bin=/usr/lib/postgresql/$ver/bin
dir=${LANTAI_PG_DIR:-/tmp/lantai-pg}
if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  if [ ! -f "$dir/PG_VERSION" ]; then
    mkdir -p "$dir" && chown postgres:postgres "$dir"
    su postgres -c "$bin/initdb -D $dir -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8" >/dev/null
    # Tests create and drop many small databases: fsync off keeps that fast; the server holds nothing to keep.
    cat >> "$dir/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = 5432
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
unix_socket_directories = '/tmp'
CONF
  fi
  su postgres -c "$bin/pg_ctl -D $dir -l $dir/server.log -w start" >/dev/null
fi
# The role the tests use. Our own cluster trusts loopback; a server that was already running (Debian's own cluster,
# started by the package) is reached as the postgres OS user over its socket instead.
sql() {
  psql -h 127.0.0.1 -U postgres -d postgres -tAc "$1" 2>/dev/null || su postgres -c "psql -d postgres -tAc \"$1\""
}
sql "SELECT 1 FROM pg_roles WHERE rolname='lantai'" | grep -q 1 \
  || sql "CREATE ROLE lantai LOGIN SUPERUSER PASSWORD 'lantai'" >/dev/null
echo "PostgreSQL $ver on 127.0.0.1:5432 (role lantai)"
