#!/usr/bin/env bash
# The strangler proxy's benchmark, in one run: proxy versus direct to a do-nothing Netty backend, and to the real
# monolith's GET /api/members/{id} on the embedded MariaDB. Builds what it needs (the proxy jar, the monolith war and
# the harness, bench/proxy, a module of the normal build), then starts the embedded MariaDB and Kafka (the toggle
# log), the backends, the monolith and the proxies as separate JVMs with full JIT, and prints Markdown tables.
# Usage: bench/proxy/run.sh [seconds per phase]   (default 10: 26 phases, about 6 minutes with start-up)
# BENCH_PROXY_JAVA_OPTS adds JVM options to the proxies; {name} becomes each proxy's name, e.g.
#   BENCH_PROXY_JAVA_OPTS="-XX:StartFlightRecording=settings=profile,filename=/tmp/{name}.jfr" bench/proxy/run.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
phase="${1:-10}"
# Builds what it measures, on a fresh clone too. Run it on a quiet machine for figures worth keeping.
./mvnw -B -q -DskipTests package -pl strangler-proxy,legacy-monolith,bench/proxy -am

echo "machine: $(nproc) cores ($(uname -m)), $(java -version 2>&1 | head -1), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx512m -XX:+UseSerialGC -jar bench/proxy/target/proxy-bench.jar \
  strangler-proxy/target/strangler-proxy.jar legacy-monolith/target/legacy-monolith.war "$phase"
