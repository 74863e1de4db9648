#!/usr/bin/env bash
# The batch benchmark: generates N synthetic responses (default 1,000,000) from the sample study,
# then runs the batch over them in a fresh process, and prints the wall time of every step, the
# total and the peak memory (the run's own figures; /usr/bin/time's max RSS as a check when present).
# Usage: bash scripts/benchmark.sh [N] [work folder]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
work=${2:-$(mktemp -d)}
mkdir -p "$work"
dotnet build analysis/Monitoring.Cli -c Release -nologo -v quiet >/dev/null
monitoring=(dotnet analysis/Monitoring.Cli/bin/Release/net10.0/monitoring.dll)
timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -f "  (/usr/bin/time: %e s wall, max RSS %M KB)"); fi

echo "== generate $n responses (seed 7) on $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
"${timer[@]}" "${monitoring[@]}" generate --responses "$n" --seed 7 --out "$work/responses.csv"
study="$work/responses.study"
[ -d "$study" ] || study=data-samples/study

echo "== run"
"${timer[@]}" "${monitoring[@]}" run --study "$study" --responses "$work/responses.csv" --out "$work/out"
echo "Outputs in $work/out"
