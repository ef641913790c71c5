package dev.strangler.bench.proxy;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The servers scenario's Markdown table: each gateway's throughput as a share of direct, its CPU per request, then
 * its latency.
 */
final class ServersTable {

    private ServersTable() {
    }

    static void print(List<Double> directRates, List<Double> directCpu, Map<String, List<Double>> ratios,
                      Map<String, List<Double>> cpu, Map<String, Long> failures,
                      Map<String, List<LoadGenerator.Result>> latency, int rate) {
        System.out.printf("%n### Gateway servers, do-nothing Netty backend%n%n"
                + "| server | throughput / direct, 32 in flight (per round) | median | CPU µs per request (per round) "
                + "| median | p50 at %,d req/s (ms, per round) | p99 (ms) | p99.9 (ms) | failures |%n"
                + "|---|---|---|---|---|---|---|---|---|%n", rate);
        List<LoadGenerator.Result> direct = latency.get("direct");
        System.out.printf("| direct (the backend's CPU) | %s req/s | 1 | %s | **%.0f** | %s | %s | %s | %d |%n",
                ProxyBench.rounded(directRates, "%.0f"), ProxyBench.rounded(directCpu, "%.0f"),
                ProxyBench.median(directCpu, Double::doubleValue), each(direct, LoadGenerator.Result::p50),
                each(direct, LoadGenerator.Result::p99), each(direct, LoadGenerator.Result::p999), failures(direct));
        for (Map.Entry<String, List<Double>> gateway : ratios.entrySet()) {
            List<LoadGenerator.Result> results = latency.get(gateway.getKey());
            List<Double> micros = cpu.get(gateway.getKey());
            System.out.printf("| %s | %s | **%.2f** | %s | **%.0f** | %s | %s | %s | %d |%n", gateway.getKey(),
                    ProxyBench.rounded(gateway.getValue(), "%.2f"),
                    ProxyBench.median(gateway.getValue(), Double::doubleValue),
                    ProxyBench.rounded(micros, "%.0f"), ProxyBench.median(micros, Double::doubleValue),
                    each(results, LoadGenerator.Result::p50), each(results, LoadGenerator.Result::p99),
                    each(results, LoadGenerator.Result::p999), failures.get(gateway.getKey()) + failures(results));
        }
        System.out.println("\nCPU µs per request: the server process's own CPU time (all threads: event loops, GC, "
                + "JIT) over the requests it answered in the closed-loop phase; the backend's share is not in a "
                + "gateway's figure.");
    }

    private static String each(List<LoadGenerator.Result> results, ToDoubleFunction<LoadGenerator.Result> measure) {
        return results.stream().map(result -> String.format("%.3f", measure.applyAsDouble(result)))
                .collect(Collectors.joining(", "));
    }

    private static long failures(List<LoadGenerator.Result> results) {
        return results.stream().mapToLong(LoadGenerator.Result::failures).sum();
    }
}
