#!/bin/sh
# A throwaway PostgreSQL cluster for the store tests: `start` initialises one in a temp dir and prints the
# PARLEY_TEST_PG line to export; `stop` shuts it down and deletes it. Runs the server as `postgres` when root.
#   eval "$(scripts/pg-test-server.sh start)"; npm test; scripts/pg-test-server.sh stop
# Needs Debian's postgresql package (apt-get install -y postgresql): binaries in /usr/lib/postgresql/*/bin.
set -eu
cmd=${1:-start}
DIR=${PARLEY_PG_DIR:-/tmp/parley-pg-test}
PORT=${PARLEY_PG_PORT:-54329}
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "pg-test-server: PostgreSQL binaries not found (apt-get install -y postgresql, or set PGBIN)" >&2
  exit 2
fi
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$cmd" in
  start)
    if [ -f "$DIR/data/postmaster.pid" ]; then
      echo "pg-test-server: already running in $DIR" >&2
    else
      rm -rf "$DIR"
      mkdir -p "$DIR"
      [ "$(id -u)" = 0 ] && chown postgres "$DIR"
      as_pg "$PGBIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C >"$DIR/initdb.log" 2>&1 ||
        { cat "$DIR/initdb.log" >&2; exit 1; }
      # durability off: a test cluster is thrown away, and this makes it several times faster
      as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
        -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
        start >/dev/null || { cat "$DIR/server.log" >&2; exit 1; }
    fi
    echo "export PARLEY_TEST_PG=postgres://postgres@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    if [ -f "$DIR/data/postmaster.pid" ]; then as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null; fi
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
