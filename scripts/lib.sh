#!/usr/bin/env bash
# Shared by scripts/test.sh and scripts/load.sh: installing Debian packages when missing, and a throwaway
# PostgreSQL cluster on loopback.

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# ensure_packages "<check command>:<package>" … — installs the packages whose check fails, in one apt-get call.
ensure_packages() {
  local missing=() item
  for item in "$@"; do
    bash -c "${item%%:*}" >/dev/null 2>&1 || missing+=("${item##*:}")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# start_pg_cluster <port> [extra server options] — initdb in a new temp folder and start it; sets PGROOT, PGBIN and
# PG_CONNECTION (superuser "portal", trust authentication, database "postgres"). stop_pg_cluster removes it.
# With PG_KEEP_DIR set, the cluster lives there instead: reused when it exists, stopped but kept at the end.
start_pg_cluster() {
  local port=$1
  shift
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  if [ -n "${PG_KEEP_DIR:-}" ]; then
    PGROOT=$PG_KEEP_DIR
    mkdir -p "$PGROOT"
  else
    PGROOT=$(mktemp -d /tmp/portal-pg.XXXXXX)
  fi
  [ "$(id -u)" = 0 ] && chown postgres "$PGROOT"
  [ -d "$PGROOT/data" ] || as_pg "$PGBIN/initdb" -D "$PGROOT/data" -U portal --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w \
    -o "-p $port -k $PGROOT -c listen_addresses=127.0.0.1 -c max_connections=1000 $*" start >/dev/null
  PG_CONNECTION="Host=127.0.0.1;Port=$port;Username=portal;Database=postgres"
}

stop_pg_cluster() {
  [ -n "${PGROOT:-}" ] || return 0
  if [ -n "${PG_KEEP_DIR:-}" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast stop >/dev/null 2>&1 || true
  else
    as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PGROOT"
  fi
}
