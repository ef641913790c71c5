#!/usr/bin/env bash
# Issue 19's server comparison, in one run: Spring Cloud Gateway Server WebFlux against Server MVC on virtual
# threads, each a plain gateway with one route to the do-nothing Netty backend, beside the kit's real proxy in LEGACY
# mode and a bare Reactor Netty forwarder (the ceiling of any passthrough on the gateway's transport), as
# throughput / direct at 32 in flight, CPU µs per request of each server's own process (steadier than a rate on a
# shared machine), and p50/p99 at 1,000 req/s. The kit's proxy runs twice: as shipped, and with Boot's
# http.server.requests observation on (what it cost before it followed KIT_TRACING). Builds the proxy jar and the harness,
# starts the embedded Kafka (the proxy's toggle log) and every server as its own JVM, and prints a Markdown table.
# Virtual threads need Java 21+: the plain gateways also run on the newest JDK under /usr/lib/jvm (or BENCH_JAVA21,
# a java executable), while the build and the kit's proxy stay on the default Java 17.
# Usage: bench/proxy/servers.sh [seconds per phase]   (default 10: about 8 minutes with start-up)
# BENCH_MVC_CLIENT=jdk|simple|reactor picks Server MVC's HTTP client to the backend (default jdk, its starter's own).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
phase="${1:-10}"
java21="${BENCH_JAVA21:-}"
if [ -z "$java21" ]; then
  for home in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V -r); do
    release="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null || true)"
    if [ -n "$release" ] && [ "$release" -ge 21 ] && [ -x "$home/bin/java" ]; then java21="$home/bin/java"; break; fi
  done
fi
[ -n "$java21" ] || { echo "No Java 21+ found: set BENCH_JAVA21 to a java 21+ executable" >&2; exit 1; }
./mvnw -B -q -DskipTests package -pl strangler-proxy,bench/proxy -am

echo "machine: $(nproc) cores ($(uname -m)), $(java -version 2>&1 | head -1) and $("$java21" -version 2>&1 | head -1)," \
  "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx512m -XX:+UseSerialGC -jar bench/proxy/target/proxy-bench.jar servers \
  strangler-proxy/target/strangler-proxy.jar "$phase" "$java21"
