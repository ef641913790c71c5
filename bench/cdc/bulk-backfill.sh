#!/usr/bin/env bash
# The bulk backfill of TB_MEMBER into member_db (the services' POST /admin/backfills), on a stack started for it:
#   CDC_BULK_BACKFILL_TABLES=TB_MEMBER KIT_BACKFILL_LEGACY_URL="jdbc:mysql://127.0.0.1:3307/legacy_db?sslMode=DISABLED" \
#   KIT_BACKFILL_LEGACY_USERNAME=kit_cdc KIT_BACKFILL_LEGACY_PASSWORD=cdc_pw ./kit up --detach
#   ./kit seed --members 1000000
# (any account with SELECT on legacy_db will do; the CDC account is the one the embedded server already has).
# Stops the bridge and the member service, empties the service's members, removes the bridge's offsets (its snapshot
# now leaves TB_MEMBER's rows out), starts both, and runs 'kit cdc backfill', which reports rows/s from the service's
# own record of the run (snapshot opened to last row committed). Then reconciles TB_MEMBER against member_db.
# BENCH_WRITES=N seeds N more members while the copy runs (they reach member_db by the snapshot or by the change feed,
# whichever saw them), and waits for the feed to catch up before the reconciliation.
# Usage: bench/cdc/bulk-backfill.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
state_dir="${CDC_STATE_DIR:-${KIT_STATE_DIR:-.kit}/cdc}"
PROXY_ADMIN_TOKEN="${PROXY_ADMIN_TOKEN:-$(cat "${KIT_STATE_DIR:-.kit}/run/proxy-admin.token" 2>/dev/null || true)}"
export PROXY_ADMIN_TOKEN
kit="${KIT:-./kit}"
[ -f bench/cdc/target/cdc-bench.jar ] || ./mvnw -B -q -pl bench/cdc -am package -DskipTests
$kit stop cdc-bridge
$kit stop extracted-member-service
java -jar bench/cdc/target/cdc-bench.jar backfill --reset
rm -rf "$state_dir"
$kit start extracted-member-service
$kit start cdc-bridge
echo "machine: $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
writes="${BENCH_WRITES:-0}"
seeding=""
if [ "$writes" -gt 0 ]; then
  (sleep 20; $kit seed --members "$writes" --orders 0 --products 0 > /tmp/bulk-backfill-writes.log 2>&1) &
  seeding=$!
fi
$kit cdc backfill --service-url "http://127.0.0.1:${MEMBER_SERVICE_PORT:-8082}" --table TB_MEMBER
if [ -n "$seeding" ]; then
  wait "$seeding"
  tail -1 /tmp/bulk-backfill-writes.log
  bridge="http://127.0.0.1:${CDC_BRIDGE_PORT:-8084}"
  until curl -sf -X POST -H "Authorization: Bearer $PROXY_ADMIN_TOKEN" "$bridge/cdc/barriers?wait=10s" > /dev/null; do
    echo "waiting for the change feed to catch up"
  done
fi
$kit compare data --context members
