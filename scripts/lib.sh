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

# Profiling a portal process with perf (scripts/load.sh LOAD_TRACE, bench/profile-submit.sh --trace). The runtime must
# have been started with DOTNET_PerfMapEnabled=1 (it writes /tmp/perf-<pid>.map, so perf names the JIT-compiled methods)
# and DOTNET_EnableWriteXorExecute=0 (code in plain memory).
# perf_record <pid> <perf.data> <seconds>: samples at 499 Hz with call graphs in the background; sets PERF_PID.
perf_record() {
  perf record -F 499 -g -p "$1" -o "$2" -- sleep "$3" >"$2.log" 2>&1 &
  PERF_PID=$!
}
# perf_tables <perf.data> <exclusive.txt> <inclusive.txt>: waits for perf_record, then writes the methods with the most
# exclusive (self) and inclusive (with callees) samples.
perf_tables() {
  wait "$PERF_PID" || true
  perf report -i "$1" --no-children --sort dso,symbol --stdio -g none --percent-limit 0.3 2>/dev/null | grep -v '^#' | grep -v '^$' | sed 's/ \{2,\}/  /g' | head -80 >"$2" || true
  perf report -i "$1" --children --sort symbol --stdio -g none --percent-limit 0.5 2>/dev/null | grep -v '^#' | grep -v '^$' | sed 's/ \{2,\}/  /g' | head -200 >"$3" || true
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
