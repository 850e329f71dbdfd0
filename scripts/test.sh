#!/usr/bin/env bash
# Runs every test of the portal: unit tests, integration tests on a real SQLite file and on a throwaway
# PostgreSQL cluster, and the Playwright end-to-end tests in Chromium (one of them through nginx with TLS in front of
# two portal hosts). Installs what the tests need from Debian's packages (chromium, postgresql, a CJK font for
# screenshots, nginx, openssl) when it is missing.
# Ends with one line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CONFIG=${CONFIG:-Release}

. scripts/lib.sh
ensure_packages "command -v chromium:chromium" "ls /usr/lib/postgresql/*/bin/initdb:postgresql" \
  "fc-list | grep -qi 'Noto Sans CJK':fonts-noto-cjk" "test -x /usr/sbin/nginx:nginx" "command -v openssl:openssl"

# A throwaway PostgreSQL cluster on loopback (durability off: tests never crash the server), removed at the end.
trap stop_pg_cluster EXIT
start_pg_cluster "${PORTAL_PG_PORT:-55432}" -c fsync=off -c synchronous_commit=off -c full_page_writes=off
export PORTAL_TEST_PG="$PG_CONNECTION"
export PORTAL_CHROMIUM=${PORTAL_CHROMIUM:-$(command -v chromium)}
# Every test host watches its configuration files; Linux allows 128 inotify instances per user by default, which
# hundreds of hosts in one test run can exhaust. Polling watchers use none.
export DOTNET_USE_POLLING_FILE_WATCHER=true

RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

status=0
script_passed=0
script_failed=0
dotnet build Portal.sln -c "$CONFIG" -nologo -v quiet || status=$?
if [ $status -eq 0 ]; then
  # One results file per project (named after it), so no two projects can overwrite each other's counts.
  for project in tests/*/*.csproj e2e/*/*.csproj; do
    # Support libraries (tests/Portal.Testing) hold no tests: only projects with the test SDK are run.
    grep -q 'Include="Microsoft.NET.Test.Sdk"' "$project" || continue
    name=$(basename "$project" .csproj)
    dotnet test "$project" -c "$CONFIG" --no-build -nologo \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$RESULTS" || status=$?
  done

  # EF Core at one version in every project (a transitive reference must not bring an older one): counted as one test.
  if bash scripts/check-ef-versions.sh; then
    script_passed=$((script_passed + 1))
  else
    script_failed=$((script_failed + 1))
    status=1
  fi

  # Backup and restore as docs/operations.md says it (SQLite and PostgreSQL): a script with a pass/fail result,
  # counted as one test.
  if bash scripts/backup-restore-check.sh both >"$RESULTS/backup-restore.log" 2>&1; then
    script_passed=$((script_passed + 1))
  else
    script_failed=$((script_failed + 1))
    status=1
  fi
  tail -n 3 "$RESULTS/backup-restore.log"
fi

passed=$script_passed
failed=$script_failed
for trx in "$RESULTS"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ $status -ne 0 ] && [ $failed -eq 0 ]; then
  failed=1   # the build or a test host failed without a counted test failure
fi
echo "$passed passed, $failed failed"
[ $status -eq 0 ] && [ $failed -eq 0 ]
