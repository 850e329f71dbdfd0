#!/usr/bin/env bash
# Adds one schema migration to every provider's migration set (SQLite, PostgreSQL, SQL Server) with dotnet ef:
#
#   bash scripts/add-migration.sh <Name>            e.g. bash scripts/add-migration.sh CalendarNotes
#   bash scripts/add-migration.sh --empty <Name>    a migration with no model change (hand-written SQL, data fixes)
#
# Change the model first (an entity and its Data/Configuration/*Configuration.cs), then run this. It restores the
# local dotnet-ef (.config/dotnet-tools.json), builds Portal.Infrastructure once, refuses when the model has no change
# (unless --empty), and writes src/Portal.Infrastructure/Migrations/<Provider>/<timestamp>_<Name>.cs, its designer
# file and the updated snapshot for each provider. If any provider fails, the Migrations folder is put back as it was.
# Review the three migrations, then run: dotnet test tests/Portal.Web.Tests --filter "FullyQualifiedName~Data."
# Why one set per provider: docs/decisions/0010-migrations.md.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: bash scripts/add-migration.sh [--empty] <Name>   (Name: PascalCase letters and digits)" >&2; exit 2; }
empty=false
if [ "${1:-}" = "--empty" ]; then empty=true; shift; fi
[ $# -eq 1 ] || usage
name=$1
[[ $name =~ ^[A-Z][A-Za-z0-9]*$ ]] || usage

project=src/Portal.Infrastructure
migrations=$project/Migrations
providers=(Sqlite PostgreSql SqlServer)

for provider in "${providers[@]}"; do
  if compgen -G "$migrations/$provider/*_${name}.cs" >/dev/null; then
    echo "A migration named $name exists already in $migrations/$provider." >&2
    exit 1
  fi
done

dotnet tool restore >/dev/null
# The tool loads the built assembly (Debug, the tool's default), so build it once here and pass --no-build below.
dotnet build "$project" -nologo -v quiet -clp:ErrorsOnly

ef() { dotnet ef "$@" --project "$project" --startup-project "$project" --no-build; }

if ! $empty; then
  pending=false
  for provider in "${providers[@]}"; do
    if ! ef migrations has-pending-model-changes --context "${provider}PortalDbContext" >/dev/null 2>&1; then
      pending=true
    fi
  done
  if ! $pending; then
    echo "The model has no change that a migration would carry; nothing added. (Use --empty for a migration with hand-written steps.)" >&2
    exit 1
  fi
fi

backup=$(mktemp -d)
cp -a "$migrations/." "$backup/"
restore() {
  echo "Adding $name failed; $migrations is put back as it was." >&2
  rm -rf "$migrations"
  mkdir -p "$migrations"
  cp -a "$backup/." "$migrations/"
}
trap 'rm -rf "$backup"' EXIT

for provider in "${providers[@]}"; do
  echo "== $provider"
  if ! ef migrations add "$name" --context "${provider}PortalDbContext" --output-dir "Migrations/$provider"; then
    restore
    exit 1
  fi
done

# Every set must now carry the model (the new migrations compile, and no change is left over).
if ! dotnet build "$project" -nologo -v quiet -clp:ErrorsOnly; then
  restore
  exit 1
fi
for provider in "${providers[@]}"; do
  if ! ef migrations has-pending-model-changes --context "${provider}PortalDbContext" >/dev/null; then
    restore
    exit 1
  fi
done

echo
echo "Added $name to every provider:"
git status --short -- "$migrations" 2>/dev/null || ls "$migrations"/*/*"_${name}"*.cs
echo "Review them, then: dotnet test tests/Portal.Web.Tests --filter \"FullyQualifiedName~Data.\""
