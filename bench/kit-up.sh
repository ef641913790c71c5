#!/usr/bin/env bash
# Measures './kit up' once the project is built: seconds from start to all parts healthy (printed by kit up),
# and the resident memory of each process once healthy (kit status). Stops the stack afterwards.
# Usage: bench/kit-up.sh [runs]   (default 3 runs; the first start after a clean .kit/ also unpacks MariaDB)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-3}"
./kit --version >/dev/null   # builds if needed, outside the measurement
./kit down >/dev/null
for run in $(seq 1 "$runs"); do
  echo "== run $run of $runs"
  ./kit up --detach | grep -E 'healthy in'
  ./kit status
  ./kit down >/dev/null
done
