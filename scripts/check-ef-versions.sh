#!/usr/bin/env bash
# Every project (the solution's and the benchmarks') restores EF Core at the one version Directory.Packages.props pins
# for Microsoft.EntityFrameworkCore: reads each obj/project.assets.json (restoring a project that has none) and fails
# on any Microsoft.EntityFrameworkCore* package at another version. scripts/test.sh runs it after the build.
set -euo pipefail
cd "$(dirname "$0")/.."
want=$(sed -n 's/.*<PackageVersion Include="Microsoft.EntityFrameworkCore" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)
[ -n "$want" ] || { echo "Microsoft.EntityFrameworkCore is not pinned in Directory.Packages.props"; exit 1; }
bad=0
for project in src/*/*.csproj tests/*/*.csproj e2e/*/*.csproj bench/*/*.csproj; do
  assets="$(dirname "$project")/obj/project.assets.json"
  [ -e "$assets" ] || dotnet restore "$project" -nologo -v quiet >/dev/null
  others=$(grep -o '"Microsoft\.EntityFrameworkCore[A-Za-z.]*/[^"]*"' "$assets" | tr -d '"' | sort -u | grep -v "/$want\$" || true)
  if [ -n "$others" ]; then
    echo "$project restores EF Core at a version other than $want:"; echo "$others" | sed 's/^/  /'
    bad=1
  fi
done
[ $bad -eq 0 ] && echo "EF Core: every project restores $want"
exit $bad
