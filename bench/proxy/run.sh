#!/usr/bin/env bash
# The strangler proxy's benchmark: proxy versus direct to the same backend, on loopback, in one run.
# Builds the proxy jar, compiles the harness against the module's test classpath, starts a real Kafka broker (the
# toggle log), the backends and the proxy as separate JVMs with full JIT, and prints a Markdown table.
# Usage: bench/proxy/run.sh [seconds per phase]   (default 15; the run takes about 9 phases plus start-up)
# BENCH_PROXY_JAVA_OPTS adds JVM options to the proxy, e.g. -XX:StartFlightRecording=filename=/tmp/proxy.jfr
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
phase="${1:-15}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# One Maven build at a time on a shared machine; flock is part of util-linux.
mvn() { flock /tmp/kit-maven.lock ./mvnw -B -q "$@"; }

# The proxy and every module it needs (the parent pom, response-diff, the embedded Kafka the harness uses), so a
# fresh clone resolves the test classpath below.
mvn -pl strangler-proxy -am install -DskipTests
mvn -pl strangler-proxy dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt"
classpath="$work/classes:$(cat "$work/cp.txt")"
javac -d "$work/classes" -cp "$classpath" bench/proxy/*.java

echo "machine: $(nproc) cores ($(uname -m)), $(java -version 2>&1 | head -1)"
# The measurement holds the build lock too: on a shared machine a concurrent build would skew every figure.
flock /tmp/kit-maven.lock java -Xmx512m -XX:+UseSerialGC -Dlogback.configurationFile=bench/proxy/logback-bench.xml \
  -cp "$classpath" ProxyBench strangler-proxy/target/strangler-proxy.jar "$classpath" "$phase"
