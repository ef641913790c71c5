#!/usr/bin/env bash
# Backfill of TB_MEMBER into member_db through the bridge's initial snapshot, on a running stack ('./kit up --detach'
# with members seeded, e.g. './kit seed --members 1000000'). Stops the bridge and the member service, empties the
# service's members, removes the bridge's offsets (so it snapshots again), starts the service and then the bridge,
# and reports rows/s from the moment the bridge was healthy: binlog -> Kafka, and into member_db.
# Usage: bench/cdc/backfill.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
state_dir="${CDC_STATE_DIR:-${KIT_STATE_DIR:-.kit}/cdc}"
# The bridge's /cdc/status needs the kit's operator token: the one 'kit up' generated, unless one is set.
PROXY_ADMIN_TOKEN="${PROXY_ADMIN_TOKEN:-$(cat "${KIT_STATE_DIR:-.kit}/run/proxy-admin.token" 2>/dev/null || true)}"
export PROXY_ADMIN_TOKEN
kit="${KIT:-./kit}"   # KIT="java -Dkit.home=$PWD -jar migration-playbook/target/kit.jar" skips the staleness check
[ -f bench/cdc/target/cdc-bench.jar ] || ./mvnw -B -q -pl bench/cdc -am package -DskipTests
bench=(java -jar bench/cdc/target/cdc-bench.jar)
$kit stop cdc-bridge
$kit stop extracted-member-service
"${bench[@]}" backfill --reset
rm -rf "$state_dir"
$kit start extracted-member-service
$kit start cdc-bridge
"${bench[@]}" backfill --started-at-ms "$(date +%s%3N)"
