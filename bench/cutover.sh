#!/usr/bin/env bash
# Measures what the write cut-overs cost clients under the demo's load: per write route, the writes held while the
# cut-over ran and their p99 and longest held time, how long each drain of the change feed took, and the requests
# read-your-writes redirected or made wait. Each run is a whole './kit demo' on a fresh state (about ten minutes),
# which also rolls the order cut-over back and applies it again. Stops the stack afterwards.
# Usage: bench/cutover.sh [runs]   (default 1)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-1}"
./kit --version >/dev/null   # builds if needed, outside the measurement
./kit down >/dev/null
for run in $(seq 1 "$runs"); do
  echo "== run $run of $runs"
  log="$(mktemp)"
  status=0
  ./kit demo > "$log" 2>&1 || status=$?
  grep -E '^(steps applied|client requests|way back):' "$log"
  grep -E '^  (route|members-(read|write)|orders-(read|write)) ' "$log"
  grep -E 'drained in ms' "$log" | sed 's/^ */drain: /'
  echo "demo exit code: $status"
  rm -f "$log"
  ./kit down >/dev/null
done
