#!/usr/bin/env bash
# What full durability costs (KIT_DB_DURABILITY=full: redo log and binlog flushed at every commit) against the
# default (fast): the same stack started fresh in each mode, then a batched seed (rows/s) and the demo's clients
# for 30 s through the proxy (requests/s, every answer checked). Prints both and their ratio; about 6 minutes.
# Usage: bench/durability.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
work="$(mktemp -d)"
trap 'java -Dkit.home="$PWD" -jar "$work/kit.jar" down >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
export KIT_STATE_DIR="$work/state"

./kit --version >/dev/null   # builds if needed, outside the measurement
# The CLI from a copy: an edit to a source file during the run must not make ./kit rebuild in the middle of it.
cp migration-playbook/target/kit.jar "$work/kit.jar"
kit() { java -Dkit.home="$PWD" -jar "$work/kit.jar" "$@"; }
for mode in fast full; do
  rm -rf "$KIT_STATE_DIR"
  KIT_DB_DURABILITY="$mode" kit up --detach --timeout 300 >/dev/null
  seed="$(kit seed --members 20000 --orders 20000 | grep -oE '[0-9,]+ rows/s' | tr -d ', rows/s')"
  kit load --seconds 30 --clients 4 > "$work/$mode.load" 2>&1 || true
  sent="$(grep -oE 'client requests: [0-9,]+ sent' "$work/$mode.load" | grep -oE '[0-9,]+' | tr -d ,)"
  failed="$(grep -oE '[0-9,]+ failed' "$work/$mode.load" | head -1 | grep -oE '[0-9,]+' | tr -d ,)"
  echo "$mode $seed $((sent / 30)) $failed" >> "$work/results"
  kit down >/dev/null
done
printf '| durability | seed rows/s | client requests/s | failed |\n|---|---:|---:|---:|\n'
awk '{ printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4 }' "$work/results"
awk 'NR == 1 { s = $2; r = $3 } NR == 2 { printf "full / fast: seed %.2f, client requests %.2f\n", $2 / s, $3 / r }' \
  "$work/results"
