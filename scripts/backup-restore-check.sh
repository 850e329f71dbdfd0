#!/usr/bin/env bash
# Backup and restore, checked (docs/operations.md "Backups and restore"): for each database it makes data with the
# portal's own seeding command, starts the portal (Production) and — while it serves — backs up the database the way
# docs/operations.md says (PostgreSQL: pg_dump -Fc; SQLite: sqlite3 .backup, the online backup API, never a file copy)
# and the data folder's files (material files beside a SQLite database), stops the portal, destroys the database and
# the folder, restores both, starts the portal again and checks that every case (number and state), every table's row
# count and every file is back and that the portal answers from the restored data.
#
#   bash scripts/backup-restore-check.sh [sqlite|postgresql|both]      (default: both)
#
# Ends with "backup-restore: PASS" (exit 0) or "backup-restore: FAIL …" (exit 1).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WHICH=${1:-both}
PORT=${BACKUP_CHECK_PORT:-$(shuf -i 20000-40000 -n 1)}
URL="http://127.0.0.1:$PORT"
WORK=$(mktemp -d /tmp/portal-backup-check.XXXXXX)
DLL="$ROOT/src/Portal.Web/bin/${CONFIG:-Release}/net10.0/Portal.Web.dll"

. scripts/lib.sh
ensure_packages "command -v sqlite3:sqlite3" "command -v curl:curl" "ls /usr/lib/postgresql/*/bin/initdb:postgresql"

PORTAL_PID=
cleanup() {
  stop_portal
  stop_pg_cluster
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "backup-restore: FAIL ($PROVIDER) — $*"; exit 1; }

[ -e "$DLL" ] || dotnet build src/Portal.Web -c "${CONFIG:-Release}" -nologo -v quiet >/dev/null
export ASPNETCORE_ENVIRONMENT=Production DOTNET_USE_POLLING_FILE_WATCHER=true Logging__LogLevel__Default=Warning
export DeadlineSweep__Enabled=false Notifications__Enabled=false   # nothing changes the data between the checks

start_portal() {
  # From the application's folder, as in production: its appsettings.json applies (AllowedHosts, log levels).
  (cd "$(dirname "$DLL")" && exec dotnet "$DLL" --urls "$URL" >>"$WORK/portal.log" 2>&1) &
  PORTAL_PID=$!
  for _ in $(seq 240); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/healthz")" = 200 ] && return 0
    kill -0 "$PORTAL_PID" 2>/dev/null || break
    sleep 0.5
  done
  tail -n 30 "$WORK/portal.log"
  fail "the portal did not become healthy"
}
stop_portal() {
  [ -n "$PORTAL_PID" ] || return 0
  kill "$PORTAL_PID" 2>/dev/null && wait "$PORTAL_PID" 2>/dev/null || true
  PORTAL_PID=
}

# What must come back: every case with its state (as a checksum), every table's row count, every file's checksum.
fingerprint() {
  local tables table
  if [ "$PROVIDER" = sqlite ]; then
    sqlite3 "$DB" "SELECT \"Number\" || '|' || \"State\" FROM \"Cases\" ORDER BY \"Number\"" | md5sum | sed 's/ .*/ cases/'
    tables=$(sqlite3 "$DB" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    for table in $tables; do echo "$table $(sqlite3 "$DB" "SELECT count(*) FROM \"$table\"")"; done
  else
    psql_q "SELECT \"Number\" || '|' || \"State\" FROM \"Cases\" ORDER BY \"Number\"" | md5sum | sed 's/ .*/ cases/'
    tables=$(psql_q "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")
    for table in $tables; do echo "$table $(psql_q "SELECT count(*) FROM \"$table\"")"; done
  fi
  (cd "$DATA" && find . -type f ! -name 'portal.db*' -print0 | sort -z | xargs -0 -r md5sum)
}
psql_q() { "$PGBIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U portal -d portal -tAqc "$1"; }

check() {
  PROVIDER=$1
  DATA="$WORK/$PROVIDER/data"          # the portal's data folder: the SQLite file and the files beside it
  BACKUP="$WORK/$PROVIDER/backup"
  mkdir -p "$DATA" "$BACKUP"
  local started=$SECONDS
  case "$PROVIDER" in
    sqlite)
      DB="$DATA/portal.db"
      export Database__Provider=Sqlite ConnectionStrings__Portal="Data Source=$DB"
      ;;
    postgresql)
      PG_PORT=${BACKUP_CHECK_PG_PORT:-55462}
      start_pg_cluster "$PG_PORT"
      "$PGBIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U portal portal
      export Database__Provider=PostgreSQL ConnectionStrings__Portal="$PG_CONNECTION;Database=portal"
      ;;
  esac

  # 1. Data: the portal's own load-data command (cases in every state with their history, enterprises, ratings,
  # staff, applicants), and a file in the data folder standing for uploaded material files.
  (cd "$(dirname "$DLL")" && dotnet "$DLL" --seed-load cases=400 open=100 staff=20 enterprises=400 ratings=400 applicants=50 >>"$WORK/portal.log" 2>&1) \
    || { tail -n 30 "$WORK/portal.log"; fail "seeding failed"; }
  mkdir -p "$DATA/portal-files/ab/cd"
  head -c 300000 /dev/urandom >"$DATA/portal-files/ab/cd/material.bin"
  start_portal
  local code
  if [ "$PROVIDER" = sqlite ]; then code=$(sqlite3 "$DB" 'SELECT "CreditCode" FROM "Enterprises" ORDER BY "CreditCode" LIMIT 1')
  else code=$(psql_q 'SELECT "CreditCode" FROM "Enterprises" ORDER BY "CreditCode" LIMIT 1'); fi
  fingerprint >"$WORK/$PROVIDER.before"
  local cases
  cases=$(grep -c . <(if [ "$PROVIDER" = sqlite ]; then sqlite3 "$DB" 'SELECT 1 FROM "Cases"'; else psql_q 'SELECT 1 FROM "Cases"'; fi))

  # 2. Back up while the portal serves (the commands of docs/operations.md).
  if [ "$PROVIDER" = sqlite ]; then
    sqlite3 "$DB" ".backup '$BACKUP/portal.db'"
  else
    "$PGBIN/pg_dump" -h 127.0.0.1 -p "$PG_PORT" -U portal -d portal -Fc -f "$BACKUP/portal.dump"
  fi
  tar -C "$DATA" --exclude='./portal.db' --exclude='./portal.db-wal' --exclude='./portal.db-shm' -czf "$BACKUP/files.tar.gz" .

  # 3. Destroy: the portal stops, the database and the data folder are gone.
  stop_portal
  rm -rf "$DATA"
  if [ "$PROVIDER" = postgresql ]; then
    "$PGBIN/dropdb" -h 127.0.0.1 -p "$PG_PORT" -U portal portal
  fi
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/healthz" || true)" = 000 ] || fail "something still answers on $URL"

  # 4. Restore the database and the files, then start the portal.
  mkdir -p "$DATA"
  if [ "$PROVIDER" = sqlite ]; then
    cp "$BACKUP/portal.db" "$DB"
  else
    "$PGBIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U portal portal
    "$PGBIN/pg_restore" -h 127.0.0.1 -p "$PG_PORT" -U portal -d portal --no-owner --exit-on-error "$BACKUP/portal.dump"
  fi
  tar -C "$DATA" -xzf "$BACKUP/files.tar.gz"
  # As after an upgrade: the migrations (none are pending here) and reference data on their own, then the start.
  (cd "$(dirname "$DLL")" && dotnet "$DLL" --migrate >>"$WORK/portal.log" 2>&1) || { tail -n 30 "$WORK/portal.log"; fail "--migrate failed"; }
  start_portal

  # 5. Everything is back, and the portal answers from it.
  fingerprint >"$WORK/$PROVIDER.after"
  diff -u "$WORK/$PROVIDER.before" "$WORK/$PROVIDER.after" || fail "the restored data differs from the backed-up data (above)"
  local page
  page=$(curl -fsS "$URL/verify/$code") || fail "the restored portal did not answer /verify/$code"
  grep -q "有效" <<<"$page" || fail "the restored portal does not know the licence $code"
  stop_portal
  [ "$PROVIDER" = postgresql ] && stop_pg_cluster
  echo "backup-restore: $PROVIDER ok — $cases cases (numbers and states), $(grep -vc '^\.\|cases$' "$WORK/$PROVIDER.before" || true) tables' row counts and $(grep -c '  \./' "$WORK/$PROVIDER.before" || true) file(s) identical after backup, destruction and restore; licence $code verified by the restored portal ($((SECONDS - started)) s)"
}

case "$WHICH" in
  sqlite | postgresql) check "$WHICH" ;;
  both) check sqlite; check postgresql ;;
  *) echo "usage: $0 [sqlite|postgresql|both]" >&2; exit 2 ;;
esac
echo "backup-restore: PASS"
