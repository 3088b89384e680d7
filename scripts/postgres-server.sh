#!/usr/bin/env bash
# Installs (when missing) and starts or stops a throwaway PostgreSQL server on loopback for the
# tests: `scripts/postgres-server.sh start [port]` prints the DATABASE_URL to use.
set -euo pipefail
action=${1:?usage: postgres-server.sh start|stop [port]}
port=${2:-55432}
dir=${PG_TEST_DIR:-/tmp/qxwq-postgres-$port}

find_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$found" ] && [ -x "$found/initdb" ] && echo "$found"
}

case "$action" in
  start)
    bin=$(find_bin || true)
    if [ -z "$bin" ]; then
      echo "installing PostgreSQL from Debian's packages" >&2
      apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
      bin=$(find_bin)
    fi
    # PostgreSQL refuses to run as root; it runs as its own system user.
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
    if [ ! -f "$dir/PG_VERSION" ]; then
      rm -rf "$dir"; mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown postgres "$dir"
      as_postgres "$bin/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_postgres "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      as_postgres "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off -c max_connections=200" start >/dev/null
    fi
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    bin=$(find_bin || true)
    if [ -n "$bin" ] && [ -d "$dir" ]; then
      if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$bin/pg_ctl" -D "$dir" -m fast stop >/dev/null || true
      else "$bin/pg_ctl" -D "$dir" -m fast stop >/dev/null || true; fi
    fi
    ;;
  *) echo "usage: postgres-server.sh start|stop [port]" >&2; exit 2 ;;
esac
