#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on loopback for the store tests, and print
# the line that points the tests at it.
#
#   eval "$(bash scripts/ci/postgres.sh)"      # installs if needed, starts, exports RASD_TEST_PG_URL
#   bash scripts/ci/postgres.sh stop           # stops it and removes its data
#
# Installs Debian's postgresql when no server binaries are found (CI runs as
# root on a clean machine). The cluster lives under /tmp, listens on
# 127.0.0.1 only, trusts local connections and is owned by the postgres
# user (PostgreSQL refuses to run as root). Everything but the final
# `export` line goes to stderr, so the output can be eval'ed.
set -euo pipefail

PORT="${RASD_PG_PORT:-54329}"
DATA="${RASD_PG_DATA:-/tmp/rasd-pg-$PORT}"
DB="${RASD_PG_DB:-rasd_test}"
log() { echo "postgres.sh: $*" >&2; }

find_bin() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$d" && -x "$d/initdb" ]]; then echo "$d"; return; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; fi
}

as_owner() {  # run a command as the cluster's owner: postgres when we are root, else ourselves
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

BIN="$(find_bin)"
if [[ "${1:-start}" == "stop" ]]; then
  if [[ -n "$BIN" && -d "$DATA" ]]; then as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2 || true; fi
  rm -rf "$DATA"
  exit 0
fi

if [[ -z "$BIN" ]]; then
  log "no PostgreSQL found; installing Debian's postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  BIN="$(find_bin)"
  [[ -n "$BIN" ]] || { log "postgresql installed but initdb not found"; exit 1; }
fi
# Debian's package starts its own cluster on 5432; ours is separate and needs nothing from it.

if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  log "a server is already listening on 127.0.0.1:$PORT; reusing it"
else
  rm -rf "$DATA"
  mkdir -p "$DATA"
  if [[ "$(id -u)" == 0 ]]; then chown postgres:postgres "$DATA"; fi
  chmod 700 "$DATA"
  as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA -c fsync=off -c full_page_writes=off" start >&2
fi

if ! "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB"
fi
log "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT, database $DB"
echo "export RASD_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:$PORT/$DB"
