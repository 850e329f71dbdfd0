#!/usr/bin/env bash
# Load test of the real portal on loopback with wrk (Debian package), on SQLite or PostgreSQL.
#
#   bash scripts/load.sh [sqlite|postgresql] [cases] [seconds] [--proxy]     e.g.  bash scripts/load.sh sqlite 100000 20
#
# --proxy (PostgreSQL only): as a city runs it — two portal hosts on the one database behind nginx with TLS
# (scripts/proxy/nginx-portal.conf, the configuration of docs/operations.md); every request goes through nginx over
# https, round robin over both hosts. Memory is sampled for both hosts; the report names the answers each host gave.
#
# Seeds the data with the portal's own command (--seed-load: cases, a tenth of them open, 2,000 staff, enterprises,
# 200,000 ratings; the data set is kept in artifacts/load/data and reused, PostgreSQL's in its own cluster), starts
# the portal in Production mode with its background sweep and notification dispatch on, signs in through the login
# form (staff with a second factor computed by oathtool), and measures each scenario at 50 connections for the given seconds after a warm-up of
# LOAD_WARMUP seconds (15 by default: with 5 the runtime was still compiling the scenario's code — a third of the CPU in
# the JIT and the workbench's handler still unoptimized — so the steady state of a portal that runs all day is measured): a plain page
# (layout, no data), the workbench of a window clerk and of the 市场监管 reviewer, an applicant's case page, the public promise table, /Ratings statistics,
# and submitting new 企业开办 applications (antiforgery token read from the form). The portal's resident memory is
# sampled every half second throughout. Results: artifacts/load/<provider>-<cases>.md (and printed).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# --proxy may stand anywhere; the other arguments keep their places.
PROXY=
args=()
for arg in "$@"; do if [ "$arg" = --proxy ]; then PROXY=1; else args+=("$arg"); fi; done
set -- "${args[@]+"${args[@]}"}"
PROVIDER=${1:-sqlite}
CASES=${2:-100000}
SECONDS_EACH=${3:-20}
CONNECTIONS=${LOAD_CONNECTIONS:-50}
PORT=${LOAD_PORT:-5090}
URL="http://127.0.0.1:$PORT"
OUT="$ROOT/artifacts/load"
WORK=$(mktemp -d /tmp/portal-load.XXXXXX)
mkdir -p "$OUT/data"

. scripts/lib.sh
ensure_packages "command -v wrk:wrk" "command -v curl:curl" "command -v oathtool:oathtool"
[ "$PROVIDER" = postgresql ] && ensure_packages "ls /usr/lib/postgresql/*/bin/initdb:postgresql"
if [ -n "$PROXY" ]; then
  [ "$PROVIDER" = postgresql ] || { echo "--proxy runs two hosts on one database: PostgreSQL only" >&2; exit 2; }
  ensure_packages "test -x /usr/sbin/nginx:nginx" "command -v openssl:openssl"
fi

PORTAL_PID=
SAMPLER_PID=
PORTAL2_PID=
SAMPLER2_PID=
NGINX_PID=
cleanup() {
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  [ -n "$SAMPLER2_PID" ] && kill "$SAMPLER2_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
  [ -n "$PORTAL2_PID" ] && kill "$PORTAL2_PID" 2>/dev/null && wait "$PORTAL2_PID" 2>/dev/null || true
  [ -n "$PORTAL_PID" ] && kill "$PORTAL_PID" 2>/dev/null && wait "$PORTAL_PID" 2>/dev/null || true
  stop_pg_cluster
  rm -rf "$WORK"
}
trap cleanup EXIT

dotnet build src/Portal.Web -c Release -nologo -v quiet >/dev/null
DLL="$ROOT/src/Portal.Web/bin/Release/net10.0/Portal.Web.dll"

case "$PROVIDER" in
  sqlite)
    export Database__Provider=Sqlite
    export ConnectionStrings__Portal="Data Source=$OUT/data/portal-$CASES.db"
    ;;
  postgresql)
    # A durable server (fsync on, as in production) of its own, kept in artifacts/load/data with its data set.
    export PG_KEEP_DIR="$OUT/data/pg-$CASES"
    # Durability as in production: fsync and synchronous_commit on (the defaults, said here so nobody relaxes them).
    start_pg_cluster "${LOAD_PG_PORT:-55440}" -c shared_buffers=256MB -c fsync=on -c synchronous_commit=on
    export Database__Provider=PostgreSQL
    export ConnectionStrings__Portal="$PG_CONNECTION;Database=portal_load;Maximum Pool Size=100${LOAD_PG_OPTIONS:-}"
    as_pg "$PGBIN/psql" -h 127.0.0.1 -p "${LOAD_PG_PORT:-55440}" -U portal -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'portal_load'" | grep -q 1 \
      || as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "${LOAD_PG_PORT:-55440}" -U portal portal_load
    ;;
  *) echo "provider: sqlite or postgresql" >&2; exit 2 ;;
esac
export ASPNETCORE_ENVIRONMENT=Production DOTNET_USE_POLLING_FILE_WATCHER=true
export Logging__LogLevel__Default=Warning
# wrk and the sign-ins below all come from one address: the per-client throttles are not what is measured here.
export Portal__Throttle__Enabled=false

# The open work grows with the hall: a tenth of the cases are open (100,000 of 1,000,000), each built one by one with
# the domain's operations, spread over the steps (window, 补正, departments with their tracks), with its work-queue
# rows. Of the closed ones up to 10,000 are built the same way; the rest are archived copies of those (LoadData:
# archive=N, INSERT … SELECT in the database). LOAD_OPEN and LOAD_BUILT_CLOSED change the split.
open=${LOAD_OPEN:-$((CASES / 10))}
closed_built=${LOAD_BUILT_CLOSED:-$(( CASES - open > 10000 ? 10000 : CASES - open ))}
built=$((open + closed_built))
echo "== seeding $CASES cases ($open open) on $PROVIDER"
seed_started=$(date +%s)
(cd src/Portal.Web && dotnet "$DLL" --seed-load "cases=$built" "open=$open" staff=2000 "enterprises=$built" "ratings=${LOAD_RATINGS:-200000}" \
  "applicants=$((built / 5 > 100 ? built / 5 : 100))" "archive=$((CASES - built))" | grep -E "^(Load data|  [0-9])" || true)
echo "== seeding took $(( $(date +%s) - seed_started )) s"
[ -n "${LOAD_SEED_ONLY:-}" ] && exit 0

# LOAD_TRACE: the JIT writes /tmp/perf-<pid>.map so that perf names the managed methods (W^X off: code in plain memory).
[ -n "${LOAD_TRACE:-}" ] && export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
(cd src/Portal.Web && exec dotnet "$DLL" --urls "$URL" >"$WORK/portal.log" 2>&1) &
PORTAL_PID=$!
for _ in $(seq 120); do curl -fsS -o /dev/null "$URL/" 2>/dev/null && break; sleep 0.5; done
curl -fsS -o /dev/null "$URL/" || { cat "$WORK/portal.log"; exit 1; }
# The dotnet host is the portal itself (exec), so its RSS is the portal's.
(while kill -0 "$PORTAL_PID" 2>/dev/null; do ps -o rss= -p "$PORTAL_PID" >>"$WORK/rss" || true
  grep -E '^(VmRSS|RssAnon|RssFile|RssShmem)' "/proc/$PORTAL_PID/status" 2>/dev/null | tr -s ' \t' ' ' | tr '\n' ' ' >>"$WORK/rss-parts" && echo >>"$WORK/rss-parts"
  sleep 0.5; done) &
SAMPLER_PID=$!

# --proxy: a second host on the same database and nginx with TLS in front of both; from here on every request of the
# script and of wrk goes to nginx over https (curl reads "insecure" from $CURL_HOME/.curlrc: the certificate is
# self-signed; wrk does not check certificates).
start_proxy() {
  local url2="http://127.0.0.1:$((PORT + 1))" proxy_port=${LOAD_PROXY_PORT:-5443}
  (cd src/Portal.Web && exec dotnet "$DLL" --urls "$url2" >"$WORK/portal2.log" 2>&1) &
  PORTAL2_PID=$!
  for _ in $(seq 120); do curl -fsS -o /dev/null "$url2/" 2>/dev/null && break; sleep 0.5; done
  curl -fsS -o /dev/null "$url2/" || { cat "$WORK/portal2.log"; exit 1; }
  (while kill -0 "$PORTAL2_PID" 2>/dev/null; do ps -o rss= -p "$PORTAL2_PID" >>"$WORK/rss" || true; sleep 0.5; done) &
  SAMPLER2_PID=$!
  bash scripts/proxy/start-nginx.sh "$WORK/nginx" "$proxy_port" "127.0.0.1:$PORT" "127.0.0.1:$((PORT + 1))" &
  NGINX_PID=$!
  export CURL_HOME="$WORK"
  echo insecure >"$WORK/.curlrc"
  URL="https://127.0.0.1:$proxy_port"
  for _ in $(seq 40); do curl -fsS -o /dev/null "$URL/" 2>/dev/null && break; sleep 0.25; done
  curl -fsS -o /dev/null "$URL/" || { cat "$WORK/nginx/error.log"; exit 1; }
  echo "== through nginx with TLS: $URL → 127.0.0.1:$PORT and 127.0.0.1:$((PORT + 1))"
}
[ -n "$PROXY" ] && start_proxy

# sign_in <user> <jar>: the login form, as a browser posts it. Staff then pass the second factor with oathtool computing
# the code, as a phone would: at the first sign-in on a data set they bind an authenticator (the load data has none;
# its key is kept beside the data set, which is reused), later they type its current code.
token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="\([^"]*\)"/\1/'; }
sign_in() {
  local token next page key keyfile="$OUT/data/authenticator-$PROVIDER-$CASES-$1.key"
  token=$(curl -fsS -c "$2" -b "$2" "$URL/Account/Login" | token_of)
  next=$(curl -fsS -o /dev/null -w '%{redirect_url}' -c "$2" -b "$2" --data-urlencode "Data.UserName=$1" \
    --data-urlencode "Data.Password=Zhengwu@2026" --data-urlencode "__RequestVerificationToken=$token" "$URL/Account/Login")
  case "$next" in
    */Account/Authenticator*)
      page=$(curl -fsS -c "$2" -b "$2" "$next")
      key=$(printf '%s' "$page" | grep -o 'data-testid="authenticator-key">[^<]*' | sed 's/.*>//; s/ //g')
      printf '%s\n' "$key" >"$keyfile"
      curl -fsS -o /dev/null -c "$2" -b "$2" --data-urlencode "Data.Code=$(oathtool --totp -b "$key")" \
        --data-urlencode "__RequestVerificationToken=$(printf '%s' "$page" | token_of)" "$next"
      ;;
    */Account/SecondFactor*)
      [ -s "$keyfile" ] || { echo "$1 has an authenticator whose key is not in $keyfile: delete the data set in $OUT/data" >&2; exit 1; }
      token=$(curl -fsS -c "$2" -b "$2" "$next" | token_of)
      curl -fsS -o /dev/null -c "$2" -b "$2" --data-urlencode "Data.Code=$(oathtool --totp -b "$(cat "$keyfile")")" \
        --data-urlencode "__RequestVerificationToken=$token" "$next"
      ;;
  esac
  grep -q portal.auth "$2" || { echo "sign-in of $1 failed" >&2; exit 1; }
}
cookie_header() { awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$1"; }

sign_in staff00001 "$WORK/staff.jar"          # window staff (窗口): the workbench
[ "$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/staff.jar" "$URL/Workbench")" = 200 ] || { echo "staff00001 cannot open the workbench" >&2; exit 1; }
sign_in staff00813 "$WORK/reviewer.jar"       # 市场监管 reviewer (LoadData: staff 813 holds Reviewer.Market): the department's workbench
[ "$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/reviewer.jar" "$URL/Workbench")" = 200 ] || { echo "staff00813 cannot open the workbench" >&2; exit 1; }
REVIEWER_COOKIE=$(cookie_header "$WORK/reviewer.jar")
sign_in 13900000001 "$WORK/applicant.jar"     # an applicant: own case pages
STAFF_COOKIE=$(cookie_header "$WORK/staff.jar")
APPLICANT_COOKIE=$(cookie_header "$WORK/applicant.jar")
CASE_PATHS=$(curl -fsS -b "$WORK/applicant.jar" "$URL/Cases" | grep -o '/Cases/QYKB-[0-9]*-[0-9]*' | sort -u | head -n 5 | tr '\n' ' ')
[ -n "$CASE_PATHS" ] || { echo "the applicant has no cases" >&2; exit 1; }

# Submissions: 20 applicants, each with its antiforgery token from the application form.
: >"$WORK/sessions"
for i in $(seq 2 21); do
  jar="$WORK/a$i.jar"
  sign_in "$(printf '139%08d' "$i")" "$jar"
  token=$(curl -fsS -c "$jar" -b "$jar" "$URL/Establishment/Apply" | token_of)
  printf '%s\t%s\n' "$(cookie_header "$jar")" "$token" >>"$WORK/sessions"
done

# LOAD_TRACE=<scenario>: a CPU profile of the portal while that scenario runs — perf (Debian's linux-perf) samples it at
# 499 Hz with call graphs while the runtime writes its perf map (so perf names the JIT-compiled methods), as
# bench/profile-submit.sh does. The report's exclusive and inclusive method tables are kept as
# artifacts/load/<provider>-<cases>-<scenario>-{exclusive,inclusive}.txt. The profile costs the portal some CPU: use it
# for a separate run (LOAD_ONLY narrows the run to some scenarios, e.g. LOAD_ONLY="plain workbench").
if [ -n "${LOAD_TRACE:-}" ]; then ensure_packages "command -v perf:linux-perf"; fi
TRACE_PID=
trace_scenario() {
  [ -n "${LOAD_TRACE:-}" ] && [ "$1" = "$LOAD_TRACE" ] || return 0
  perf_record "$PORTAL_PID" "$WORK/perf.data" "$((SECONDS_EACH > 4 ? SECONDS_EACH - 2 : 2))"
  TRACE_PID=$PERF_PID
  sleep 1
}
trace_report() {
  [ -n "$TRACE_PID" ] || return 0
  TRACE_PID=
  local out="$OUT/$PROVIDER-$CASES-$1"
  perf_tables "$WORK/perf.data" "$out-exclusive.txt" "$out-inclusive.txt"
  mv "$WORK/perf.data" "$out.perf.data"   # for perf report -i … (callers: -G), until the next profile of this scenario
  echo "   profile: $out-exclusive.txt, $out-inclusive.txt, $out.perf.data"
}

RESULTS="$WORK/results"
: >"$RESULTS"
# measure <label> <lua> <cookie> <paths>
measure() {
  local label=$1 script=$2
  if [ -n "${LOAD_ONLY:-}" ] && [[ " $LOAD_ONLY " != *" $label "* ]]; then return 0; fi
  export LOAD_COOKIE=$3 LOAD_PATHS=$4 LOAD_SESSIONS="$WORK/sessions" LOAD_RUN="${label//[^0-9]/}$RANDOM"
  wrk -t2 -c"$CONNECTIONS" -d"${LOAD_WARMUP:-15}s" -s "scripts/load/$script" "$URL" >/dev/null 2>&1 || true   # warm-up
  export LOAD_RUN="$RANDOM$RANDOM"
  trace_scenario "$label"
  local line
  line=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --timeout 10s -s "scripts/load/$script" "$URL" | grep '^RESULT' | tail -n 1)
  echo "$label ${line#RESULT }" | tee -a "$RESULTS"
  trace_report "$label"
}

echo "== $CONNECTIONS connections, ${SECONDS_EACH}s each (label rps p50 p95 p99 ok bad)"
measure plain get.lua "$STAFF_COOKIE" "/Help"
measure workbench get.lua "$STAFF_COOKIE" "/Workbench"
measure workbench-reviewer get.lua "$REVIEWER_COOKIE" "/Workbench"
measure case-page get.lua "$APPLICANT_COOKIE" "$CASE_PATHS"
measure promises get.lua "" "/Promises"
measure ratings get.lua "" "/Ratings"
measure submit submit.lua "" ""
kill "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=
[ -n "$SAMPLER2_PID" ] && kill "$SAMPLER2_PID" 2>/dev/null || true
SAMPLER2_PID=
max_rss=$(sort -n "$WORK/rss" | tail -n 1)

# --proxy: how nginx spread the answers, and whether any was a server error (from its access log).
proxy_summary() {
  awk '{ s = $0; sub(/.* upstream=/, "", s); sub(/ upstream_status=.*/, "", s); k = split(s, a, ", "); n[a[k]]++ }
       /" 5[0-9][0-9] / { bad++ }
       END { printf "Through nginx with TLS (scripts/proxy/nginx-portal.conf): answers by host:"; for (h in n) printf " %s %d;", h, n[h]; printf " server errors (5xx) at the proxy: %d.\n", bad + 0 }' \
    "$WORK/nginx/access.log"
}

report="$OUT/$PROVIDER-$CASES${PROXY:+-proxy}.md"
{
  echo "### $PROVIDER, $CASES cases ($open open), $CONNECTIONS connections, ${SECONDS_EACH} s per scenario"
  echo
  echo "| scenario | requests/s | p50 ms | p95 ms | p99 ms | ok | bad | p95 / plain p95 |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  plain95=$(awk '$1 == "plain" { print $4 }' "$RESULTS")
  awk -v base="$plain95" '{ printf "| %s | %s | %s | %s | %s | %s | %s | %.1f× |\n", $1, $2, $3, $4, $5, $6, $7, ($4 / base) }' "$RESULTS"
  echo
  [ -s "$WORK/rss-parts" ] && sort -t' ' -k2 -n "$WORK/rss-parts" | tail -n 1 | awk '{ printf "At its peak: %d MB anonymous (managed heap, compiled code, native allocations), %d MB file-backed (mapped libraries and assemblies), %d MB shared.\n", $5 / 1024, $8 / 1024, $11 / 1024 }'
  echo "Peak resident memory of the portal: $((max_rss / 1024)) MB (sampled every 0.5 s from start-up to the end of the last scenario${PROXY:+; the larger of the two hosts})."
  [ -n "$PROXY" ] && proxy_summary
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, $(uname -r); wrk $(wrk -v 2>&1 | head -n 1 | awk '{ print $2 }')."
} | tee "$report"
cp "$WORK/portal.log" "$OUT/$PROVIDER-$CASES.log"   # the portal's own log of the run: warnings and failures
grep -A 3 -m 3 "fail:" "$WORK/portal.log" || true
