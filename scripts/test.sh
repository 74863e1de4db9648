#!/usr/bin/env bash
# Runs every test project and ends with one line: "N passed, N failed".
# Installs what the tests need when it is missing (Debian's chromium and chromium-driver, the npm
# package azurite), starts Azurite on loopback for the blob-store tests, and stops it afterwards.
# Exit status: 0 when every test passed, 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

log() { printf '%s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_prerequisites() {
  install_dataset_programs
  if ! command -v chromium >/dev/null 2>&1; then
    log "Installing chromium and chromium-driver (apt) for the questionnaire-page tests..."
    as_root apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null \
      || log "warning: could not install chromium; the browser tests will fail."
  fi
  if ! command -v azurite-blob >/dev/null 2>&1; then
    log "Installing azurite (npm) for the blob-store tests..."
    as_root npm install -g --silent azurite@3.37.0 >/dev/null 2>&1 || log "warning: could not install azurite; the blob-store tests will fail."
  fi
}

# The researchers' programs of the dataset tests (tests/Monitoring.Batch.Tests/Datasets): R with haven and PSPP
# from Debian, and DuckDB (the independent Parquet reader) from npm into tests/tools/duckdb.
install_dataset_programs() {
  if ! command -v Rscript >/dev/null 2>&1 || ! command -v pspp >/dev/null 2>&1 || ! Rscript -e 'library(haven)' >/dev/null 2>&1; then
    log "Installing r-base-core, r-cran-haven and pspp (apt) for the dataset tests..."
    as_root apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq r-base-core r-cran-haven pspp >/dev/null \
      || log "warning: could not install R, haven or PSPP; the dataset tests will fail."
  fi
  if [ ! -f tests/tools/axe/node_modules/axe-core/axe.min.js ]; then
    log "Installing axe-core (npm) in tests/tools/axe for the accessibility checks of the browser tests..."
    (cd tests/tools/axe && npm ci --silent --no-audit --no-fund >/dev/null 2>&1) || log "warning: could not install axe-core; the accessibility tests will fail."
  fi
  if [ ! -d tests/tools/duckdb/node_modules/@duckdb/node-api ]; then
    log "Installing DuckDB (npm) in tests/tools/duckdb for the Parquet tests..."
    (cd tests/tools/duckdb && npm ci --silent --no-audit --no-fund >/dev/null 2>&1) || log "warning: could not install DuckDB; the Parquet tests will fail."
  fi
}

azurite_pid=""
start_azurite() {
  command -v azurite-blob >/dev/null 2>&1 || return 0
  local dir port
  dir=$(mktemp -d)
  port=${AZURITE_PORT:-10000}
  azurite-blob --blobHost 127.0.0.1 --blobPort "$port" --location "$dir" --skipApiVersionCheck --silent >"$dir/azurite.log" 2>&1 &
  azurite_pid=$!
  local up=""
  for _ in $(seq 1 150); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then up=1; break; fi
    kill -0 "$azurite_pid" 2>/dev/null || break
    sleep 0.2
  done
  if [ -z "$up" ]; then log "warning: Azurite did not start: $(tail -n 3 "$dir/azurite.log")"; return 0; fi
  export AZURITE_BLOB_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$port/devstoreaccount1;"
  log "Azurite listens on 127.0.0.1:$port."
}
stop_azurite() { [ -n "$azurite_pid" ] && kill "$azurite_pid" 2>/dev/null; wait "$azurite_pid" 2>/dev/null; true; }
trap stop_azurite EXIT

install_prerequisites
start_azurite

results=$(mktemp -d)
log "Building..."
if ! dotnet build Monitoring.sln -c Release -nologo -v quiet 2>&1 | tee "$results/build.log" | grep -E "error|Build succeeded" >&2; then :; fi
if grep -qE "[1-9][0-9]* Error\(s\)| error " "$results/build.log"; then
  log "The build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

passed=0; failed=0; status=0
for project in tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  log "Testing $name..."
  out="$results/$name.log"
  dotnet test "$project" -c Release --no-build -nologo --logger "console;verbosity=normal" >"$out" 2>&1
  code=$?
  # VSTest's closing summary: "Total tests: N", "     Passed: N", "     Failed: N".
  p=$(sed -nE 's/^ +Passed: +([0-9]+)$/\1/p' "$out" | tail -n 1); p=${p:-0}
  f=$(sed -nE 's/^ +Failed: +([0-9]+)$/\1/p' "$out" | tail -n 1); f=${f:-0}
  if [ "$code" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; log "  $name exited with $code without a failed test: see $out"; fi
  if ! grep -qE "^Total tests: " "$out"; then log "  (no tests ran)"; fi
  [ "$f" -gt 0 ] && { grep -E "^\s+Failed |Error Message|Assert\.|^\s+at " "$out" | head -n 60 >&2; status=1; }
  log "  $name: $p passed, $f failed"
  passed=$((passed + p)); failed=$((failed + f))
done
echo "$passed passed, $failed failed"
exit $status
