#!/usr/bin/env bash
# Runs the BenchmarkDotNet suite in bench/Portal.Benchmarks (Release), e.g.
#   bash scripts/bench.sh               every benchmark (about a quarter of an hour on two cores)
#   bash scripts/bench.sh '*Sweep*'     only those whose full name matches (BenchmarkDotNet --filter globs)
# Builds the cached SQLite data sets first if they are missing (bench/Portal.Benchmarks/bin/data; the one with a
# million cases takes seconds to build and about 0.5 GB), then writes BenchmarkDotNet's reports (markdown, CSV, HTML)
# to artifacts/bench/results and prints every summary table, also kept in artifacts/bench/summary.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PROJECT=bench/Portal.Benchmarks
export PORTAL_BENCH_DATA=${PORTAL_BENCH_DATA:-$ROOT/$PROJECT/bin/data}
export PORTAL_BENCH_ARTIFACTS=$ROOT/artifacts/bench
filters=("$@")
[ ${#filters[@]} -gt 0 ] || filters=('*')

dotnet build "$PROJECT/Portal.Benchmarks.csproj" -c Release -nologo -v quiet
DLL=$ROOT/$PROJECT/bin/Release/net10.0/Portal.Benchmarks.dll

echo "== Data sets"
rm -rf "$PORTAL_BENCH_ARTIFACTS/results"
mkdir -p "$PORTAL_BENCH_ARTIFACTS"
dotnet "$DLL" --prepare | tee "$PORTAL_BENCH_ARTIFACTS/datasets.txt"

echo "== Benchmarks (${filters[*]})"
status=0
(cd "$ROOT/$PROJECT" && dotnet "$DLL" --filter "${filters[@]}") || status=$?

# One file with every summary table: the machine once, then each class's table.
SUMMARY=$PORTAL_BENCH_ARTIFACTS/summary.md
{
  echo "# Benchmark summary ($(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown))"
  echo
  echo '```'
  cat "$PORTAL_BENCH_ARTIFACTS/datasets.txt"
  echo '```'
  first=1
  for report in "$PORTAL_BENCH_ARTIFACTS"/results/*-report-github.md; do
    [ -e "$report" ] || continue
    if [ $first -eq 1 ]; then
      # The machine, from the first report's header block (up to its job line).
      echo '```'
      awk '/^```/ { fence++; next } fence == 1 && /^Job=/ { exit } fence == 1 && NF' "$report"
      echo '```'
      first=0
    fi
    echo
    echo "## $(basename "$report" -report-github.md | sed 's/^Portal\.Benchmarks\.//')"
    echo
    # The job settings (the end of the header block), then the table (after it).
    # BenchmarkDotNet bolds the first row of each parameter group; plain rows read better side by side.
    awk '/^```/ { if (++fence == 2) print ""; next }
         fence == 1 && /^Job=/ { job = 1 }
         fence == 1 && job && NF || fence >= 2' "$report" | sed 's/\*\*//g'
  done
} >"$SUMMARY"
echo
echo "== Summary (also in ${SUMMARY#"$ROOT/"})"
cat "$SUMMARY"
exit $status
