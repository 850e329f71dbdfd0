#!/usr/bin/env bash
# CPU of one 企业开办 submission, measured on the real portal (Release, Production mode, SQLite in WAL with
# synchronous=FULL, or PostgreSQL) with wrk posting scripts/load/submit.lua, as scripts/load.sh's submit scenario does.
#
#   bash bench/profile-submit.sh [sqlite|postgresql] [seconds] [connections] [--trace]
#
# Prints the portal process's CPU time (user+system, from /proc) divided by the confirmed submissions: the CPU one
# submission costs, whatever else shares the machine. --trace also samples the portal's CPU with perf (call graphs;
# the runtime's perf map names the JIT-compiled methods) and prints the methods with the most exclusive and inclusive
# samples. PostgreSQL: PORTAL_PROFILE_PG (a server of your own: the database portal_profile is
# dropped and made again). Data: a small seeded set (400 cases, 50 staff, 40 applicants) in $WORK, made fresh each run
# and deleted at the end. PROFILE_WARMUP (seconds, default 5 as in scripts/load.sh) is how long wrk submits before the
# measurement: the runtime compiles the hot methods again, optimized, during the first tens of seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PROVIDER=${1:-sqlite}
SECONDS_EACH=${2:-20}
CONNECTIONS=${3:-16}
TRACE=${4:-}
PORT=${PROFILE_PORT:-5190}
URL="http://127.0.0.1:$PORT"
WORK=${PROFILE_WORK:-$(mktemp -d /tmp/portal-profile.XXXXXX)}
mkdir -p "$WORK"
PORTAL_PID=

# What it runs, installed from Debian's packages when missing (as scripts/load.sh does).
. scripts/lib.sh
ensure_packages "command -v wrk:wrk" "command -v curl:curl"
[ "$PROVIDER" = postgresql ] && ensure_packages "command -v psql:postgresql-client"
[ -n "$TRACE" ] && ensure_packages "command -v perf:linux-perf"
# The data is thrown away at the end (it grows by every submission): the SQLite file, or the PostgreSQL database.
cleanup() {
  [ -n "$PORTAL_PID" ] && kill "$PORTAL_PID" 2>/dev/null && wait "$PORTAL_PID" 2>/dev/null || true
  rm -f "$WORK"/portal.db* "$WORK"/*.jar
  [ -n "${psql_url:-}" ] && psql "$psql_url dbname=postgres" -qc "DROP DATABASE IF EXISTS portal_profile WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT

DLL="$ROOT/src/Portal.Web/bin/Release/net10.0/Portal.Web.dll"
[ -n "${PROFILE_NO_BUILD:-}" ] || dotnet build src/Portal.Web -c Release -nologo -v quiet >/dev/null
case "$PROVIDER" in
  sqlite)
    export Database__Provider=Sqlite ConnectionStrings__Portal="Data Source=$WORK/portal.db"
    rm -f "$WORK"/portal.db*
    ;;
  postgresql)
    : "${PORTAL_PROFILE_PG:?set PORTAL_PROFILE_PG to a PostgreSQL connection string (Host=…;Port=…;Username=…)}"
    export Database__Provider=PostgreSQL ConnectionStrings__Portal="$PORTAL_PROFILE_PG;Database=portal_profile;Maximum Pool Size=100"
    psql_url=$(printf '%s' "$PORTAL_PROFILE_PG" | sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/')
    psql "$psql_url dbname=postgres" -qc "DROP DATABASE IF EXISTS portal_profile WITH (FORCE)" -c "CREATE DATABASE portal_profile" >/dev/null
    ;;
  *) echo "provider: sqlite or postgresql" >&2; exit 2 ;;
esac
export ASPNETCORE_ENVIRONMENT=Production DOTNET_USE_POLLING_FILE_WATCHER=true Logging__LogLevel__Default=Warning Portal__Throttle__Enabled=false

(cd src/Portal.Web && dotnet "$DLL" --seed-load cases=400 open=80 staff=50 enterprises=400 ratings=100 applicants=40 archive=0 | grep -E "^Load data" || true)
# --trace: the JIT writes /tmp/perf-<pid>.map so that perf names the managed methods (W^X off: code in plain memory).
[ "$TRACE" = --trace ] && export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
(cd src/Portal.Web && exec dotnet "$DLL" --urls "$URL" >"$WORK/portal.log" 2>&1) &
PORTAL_PID=$!
for _ in $(seq 120); do curl -fsS -o /dev/null "$URL/" 2>/dev/null && break; sleep 0.5; done
curl -fsS -o /dev/null "$URL/" || { cat "$WORK/portal.log"; exit 1; }

token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="\([^"]*\)"/\1/'; }
cookie_header() { awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$1"; }
: >"$WORK/sessions"
for i in $(seq 2 21); do
  jar="$WORK/a$i.jar"
  token=$(curl -fsS -c "$jar" -b "$jar" "$URL/Account/Login" | token_of)
  curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Data.UserName=$(printf '139%08d' "$i")" \
    --data-urlencode "Data.Password=Zhengwu@2026" --data-urlencode "__RequestVerificationToken=$token" "$URL/Account/Login"
  token=$(curl -fsS -c "$jar" -b "$jar" "$URL/Establishment/Apply" | token_of)
  printf '%s\t%s\n' "$(cookie_header "$jar")" "$token" >>"$WORK/sessions"
done
export LOAD_SESSIONS="$WORK/sessions"

cpu() { awk '{ print $14 + $15 }' "/proc/$PORTAL_PID/stat"; }   # utime + stime, clock ticks
LOAD_RUN="w$RANDOM" wrk -t2 -c"$CONNECTIONS" -d"${PROFILE_WARMUP:-5}s" -s scripts/load/submit.lua "$URL" >/dev/null 2>&1 || true   # warm-up (JIT, caches)
if [ "$TRACE" = --trace ]; then
  perf_record "$PORTAL_PID" "$WORK/perf.data" "$((SECONDS_EACH - 2))"
  sleep 1
fi
before=$(cpu)
line=$(LOAD_RUN="r$RANDOM$RANDOM" wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --timeout 10s -s scripts/load/submit.lua "$URL" | grep '^RESULT' | tail -n 1)
after=$(cpu)
read -r _ rps p50 p95 p99 ok bad <<<"$line"
ticks=$(getconf CLK_TCK)
echo "$PROVIDER: $ok submissions ($bad bad) in ${SECONDS_EACH}s at $CONNECTIONS connections: $rps/s, p50 $p50 ms, p95 $p95 ms;" \
  "portal CPU $(( (after - before) * 1000000 / ticks / (ok > 0 ? ok : 1) )) µs per submission; load average $(cut -d' ' -f1 /proc/loadavg)"
if [ "$TRACE" = --trace ]; then
  perf_tables "$WORK/perf.data" "$WORK/exclusive.txt" "$WORK/inclusive.txt"
  echo "-- exclusive (self) --"; cat "$WORK/exclusive.txt"
  echo "-- inclusive (children) --"; cat "$WORK/inclusive.txt"
fi
echo "work folder: $WORK"
