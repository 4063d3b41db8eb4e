#!/usr/bin/env bash
# Installs PostgreSQL from Debian if missing, starts a throwaway cluster on loopback and prints the line to export:
#   eval "$(bash .ci/postgres.sh)"   → DATABASE_URL=postgres://parley@127.0.0.1:55432/parley_sync
# Idempotent: a cluster already running on the port is reused. PGPORT / PGDATA_DIR override the defaults.
# A throwaway test cluster: trust auth on loopback, fsync off. Never use these settings for a real server.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
PORT="${PGPORT:-55432}"
DATA="${PGDATA_DIR:-/tmp/parley-pg-$PORT}"

if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  apt-get update -q >&2
  apt-get install -y -q postgresql >&2
fi
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
as_pg() { runuser -u postgres -- "$@"; }

if ! as_pg "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  if [ ! -f "$DATA/PG_VERSION" ]; then
    mkdir -p "$DATA" && chown postgres:postgres "$DATA" && chmod 700 "$DATA"
    as_pg "$BIN/initdb" -D "$DATA" -U postgres -A trust --no-locale -E UTF8 >&2
  fi
  as_pg "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 \
    -o "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$DATA -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >&2
fi

psql_pg() { as_pg "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -tAq "$@"; }
if [ "$(psql_pg -c "SELECT 1 FROM pg_roles WHERE rolname = 'parley'")" != "1" ]; then
  psql_pg -c "CREATE ROLE parley LOGIN"
fi
if [ "$(psql_pg -c "SELECT 1 FROM pg_database WHERE datname = 'parley_sync'")" != "1" ]; then
  psql_pg -c "CREATE DATABASE parley_sync OWNER parley"
fi
echo "export DATABASE_URL=postgres://parley@127.0.0.1:$PORT/parley_sync"
