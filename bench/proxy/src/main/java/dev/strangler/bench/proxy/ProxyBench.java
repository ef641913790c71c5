import dev.strangler.infra.kafka.EmbeddedKafkaBroker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Proxy versus direct, on loopback, in one run: a real Kafka broker (the toggle log), the backends in their own
 * JVM, the proxy jar in its own JVM, both with full JIT, and the load generator here.
 * Usage: java ProxyBench <proxy jar> <classpath for the backend JVM> <seconds per phase>
 */
public final class ProxyBench {

    /** The proxy's heap as under {@code kit up} (KIT_JAVA_OPTS), but with full JIT. */
    private static final String PROXY_JVM = "-Xmx256m";

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        String classpath = args[1];
        Duration phase = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 15);
        int legacyPort = freePort(), extractedPort = freePort(), proxyPort = freePort(), adminPort = freePort();
        int quietPort = freePort(), quietAdminPort = freePort();
        String token = UUID.randomUUID().toString();
        Path home = Files.createTempDirectory("proxy-bench-kafka");
        List<Process> processes = new ArrayList<>();
        try (EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(freePort(), freePort(), home)) {
            kafka.start();
            try {
                processes.add(start(List.of(java(), "-Xmx256m", "-XX:+UseSerialGC", "-cp", classpath, "BenchBackend",
                        Integer.toString(legacyPort), Integer.toString(extractedPort)), Map.of(), "backend"));
                List<String> proxyCommand = new ArrayList<>(List.of(java(), PROXY_JVM, "-XX:+UseSerialGC",
                        "-Xlog:gc:file=" + tmp("gc.log")));
                String extra = System.getenv().getOrDefault("BENCH_PROXY_JAVA_OPTS", "").trim();
                if (!extra.isEmpty()) {
                    proxyCommand.addAll(List.of(extra.split("\\s+")));
                }
                proxyCommand.addAll(List.of("-jar", jar.toString()));
                Map<String, String> environment = Map.of(
                        "LEGACY_URL", "http://127.0.0.1:" + legacyPort,
                        "MEMBER_SERVICE_URL", "http://127.0.0.1:" + extractedPort,
                        "ORDER_SERVICE_URL", "http://127.0.0.1:" + extractedPort,
                        "KIT_KAFKA_BOOTSTRAP", kafka.bootstrapServers(),
                        "PROXY_ADMIN_TOKEN", token);
                processes.add(start(proxyCommand, with(environment, "PROXY_PORT", proxyPort, "PROXY_ADMIN_PORT",
                        adminPort, "true"), "proxy"));
                // The same proxy without its request timers: their cost, measured in the same run.
                processes.add(start(proxyCommand, with(environment, "PROXY_PORT", quietPort, "PROXY_ADMIN_PORT",
                        quietAdminPort, "false"), "proxy-no-timers"));
                awaitHealthy("http://127.0.0.1:" + adminPort + "/actuator/health", Duration.ofSeconds(90));
                awaitHealthy("http://127.0.0.1:" + quietAdminPort + "/actuator/health", Duration.ofSeconds(90));
                run("http://127.0.0.1:" + legacyPort, "http://127.0.0.1:" + proxyPort,
                        "http://127.0.0.1:" + quietPort, adminPort, token, phase);
            } finally {
                // Stop the proxy before the broker it reads from.
                for (Process process : processes) {
                    process.destroy();
                    process.waitFor();
                }
            }
        }
    }

    private static Map<String, String> with(Map<String, String> environment, String portVariable, int port,
                                            String adminVariable, int adminPort, String timers) {
        Map<String, String> all = new HashMap<>(environment);
        all.put(portVariable, Integer.toString(port));
        all.put(adminVariable, Integer.toString(adminPort));
        all.put("PROXY_REQUEST_TIMERS", timers);
        return all;
    }

    private static void run(String direct, String proxy, String quiet, int adminPort, String token, Duration phase)
            throws Exception {
        LoadGenerator load = new LoadGenerator();
        flip(adminPort, token, "LEGACY");
        System.out.println("warming up (JIT) for " + phase.multipliedBy(4).toSeconds() + " s ...");
        load.closedLoop(direct, 16, phase);
        load.closedLoop(proxy, 16, phase);
        load.closedLoop(quiet, 16, phase);
        flip(adminPort, token, "SHADOW");
        load.closedLoop(proxy, 8, phase);
        flip(adminPort, token, "LEGACY");
        load.fixedRate(proxy, 1000, Duration.ofSeconds(5));

        LoadGenerator.Result directMax = load.closedLoop(direct, 32, phase);
        LoadGenerator.Result proxyMax = load.closedLoop(proxy, 32, phase);
        // The timers' cost is smaller than this machine's noise between two phases: three alternating rounds of
        // each, compared by their medians.
        List<Double> withTimers = new ArrayList<>(List.of(proxyMax.requestsPerSecond()));
        List<Double> withoutTimers = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            withoutTimers.add(load.closedLoop(quiet, 32, phase).requestsPerSecond());
            if (round < 2) {
                withTimers.add(load.closedLoop(proxy, 32, phase).requestsPerSecond());
            }
        }
        LoadGenerator.Result directFixed = load.fixedRate(direct, 1000, phase);
        LoadGenerator.Result legacyFixed = load.fixedRate(proxy, 1000, phase);
        flip(adminPort, token, "SHADOW");
        load.fixedRate(proxy, 1000, Duration.ofSeconds(5));
        LoadGenerator.Result shadowFixed = load.fixedRate(proxy, 1000, phase);
        String parity = get(adminPort, token, "/admin/routes/members-read/parity");
        flip(adminPort, token, "LEGACY");

        System.out.printf("%nDate: %s, %d cores, java %s%n", Instant.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.printf("| measure | direct | proxy (LEGACY) | proxy (SHADOW) | figure |%n|---|---|---|---|---|%n");
        System.out.printf("| throughput, 32 in flight (req/s) | %.0f | %.0f | | ratio %.2f |%n", directMax.requestsPerSecond(),
                proxyMax.requestsPerSecond(), proxyMax.requestsPerSecond() / directMax.requestsPerSecond());
        System.out.printf("| throughput without request timers, 32 in flight (req/s, median of 3) | | %.0f | | "
                        + "with timers / without %.2f (with: %s; without: %s) |%n", median(withoutTimers),
                median(withTimers) / median(withoutTimers), rounded(withTimers), rounded(withoutTimers));
        System.out.printf("| p50 at 1,000 req/s (ms) | %.3f | %.3f | %.3f | added %.3f ms |%n", directFixed.p50(),
                legacyFixed.p50(), shadowFixed.p50(), legacyFixed.p50() - directFixed.p50());
        System.out.printf("| p99 at 1,000 req/s (ms) | %.3f | %.3f | %.3f | added %.3f ms; SHADOW/LEGACY %.2f |%n",
                directFixed.p99(), legacyFixed.p99(), shadowFixed.p99(), legacyFixed.p99() - directFixed.p99(),
                shadowFixed.p99() / legacyFixed.p99());
        System.out.printf("| p99.9 at 1,000 req/s (ms) | %.3f | %.3f | %.3f | |%n", directFixed.p999(),
                legacyFixed.p999(), shadowFixed.p999());
        System.out.printf("| failures | %d | %d | %d | |%n", directMax.failures() + directFixed.failures(),
                proxyMax.failures() + legacyFixed.failures(), shadowFixed.failures());
        System.out.println("\nShadow parity after the run: " + parity);
    }

    private static void flip(int adminPort, String token, String mode) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + adminPort + "/admin/routes/members-read/flips"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"" + mode
                        + "\",\"reason\":\"benchmark\",\"by\":\"bench/proxy\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("flip to " + mode + " failed: " + response.body());
        }
    }

    private static String get(int adminPort, String token, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort
                + path)).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static void awaitHealthy(String url, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // The proxy is still starting; poll again shortly.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The proxy did not become healthy at " + url);
    }

    private static Process start(List<String> command, Map<String, String> env, String name) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of(tmp(name + ".log")).toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Logs of the run, kept after it for a look: the proxy's and the backend's output, the proxy's GC log. */
    private static String tmp(String name) {
        return Path.of(System.getProperty("java.io.tmpdir"), "proxy-bench-" + name).toString();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String rounded(List<Double> values) {
        return values.stream().map(value -> String.format("%.0f", value)).collect(Collectors.joining(", "));
    }
}
