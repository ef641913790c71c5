package dev.strangler.bench.proxy;

import dev.strangler.bench.proxy.mvc.MvcGateway;
import dev.strangler.bench.proxy.netty.NettyForwarder;
import dev.strangler.bench.proxy.webflux.WebFluxGateway;
import dev.strangler.infra.EmbeddedInfrastructure;
import dev.strangler.infra.InfraSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Proxy versus direct, on loopback, in one run, in two scenarios: a do-nothing Reactor Netty backend (the proxy's
 * own cost) and the real monolith's {@code GET /api/members/{id}} on the embedded MariaDB (the figure a team sees).
 * The embedded MariaDB and Kafka (the toggle log) run in this JVM; the backends, the monolith, the proxies and the
 * load generator ({@link LoadProcess}) each in their own JVM with full JIT. Throughput is measured in alternating
 * rounds of direct and proxy, and each round's ratio is reported with their median.
 * Usage: {@code java -jar proxy-bench.jar <proxy jar> <monolith war> [seconds per phase]}; the same jar also starts
 * the backends and the plain gateways of the servers scenario ({@link GatewayServersBench}) in their own JVMs.
 */
public final class ProxyBench {

    /** The heap of every service as under {@code kit up} (KIT_JAVA_OPTS), but with full JIT. */
    static final List<String> SERVICE_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC");
    private static final int MEMBERS = 1000;
    private static final int ROUNDS = 3;
    private static final Duration SETTLE = Duration.ofSeconds(3);

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("backend")) {
            BenchBackend.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("load")) {
            LoadProcess.serve(Long.parseLong(args[1]), Integer.parseInt(args[2]));
            return;
        }
        if (args.length > 0 && args[0].equals("webflux-gateway")) {
            WebFluxGateway.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("mvc-gateway")) {
            MvcGateway.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("netty-forwarder")) {
            NettyForwarder.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("servers")) {
            GatewayServersBench.run(args[1], Duration.ofSeconds(Integer.parseInt(args[2])), args[3]);
            return;
        }
        String proxyJar = args[0];
        String monolithWar = args[1];
        Duration phase = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 10);
        InfraSettings settings = InfraSettings.fromEnvironment(Map.of()).withPorts(freePort(), freePort(), freePort());
        Path home = Files.createTempDirectory(Files.createDirectories(Path.of("bench/proxy/target")), "state-");
        int legacyPort = freePort(), extractedPort = freePort(), monolithPort = freePort();
        int proxyPort = freePort(), adminPort = freePort();
        int monolithProxyPort = freePort(), monolithAdminPort = freePort();
        String token = UUID.randomUUID().toString();
        try (EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure(settings, home).start();
             BenchProcesses jvms = new BenchProcesses()) {
            jvms.start("backend", jvm("-jar", System.getProperty("java.class.path"), "backend",
                    Integer.toString(legacyPort), Integer.toString(extractedPort)), Map.of());
            jvms.start("monolith", jvm("-jar", monolithWar), Map.of(
                    InfraSettings.DATABASE_PORT, Integer.toString(settings.databasePort()),
                    InfraSettings.DATABASE_SSL_MODE, settings.databaseSslMode(),
                    "MONOLITH_PORT", Integer.toString(monolithPort)));
            String kafka = "127.0.0.1:" + settings.kafkaPort();
            String backend = "http://127.0.0.1:" + legacyPort;
            String extracted = "http://127.0.0.1:" + extractedPort;
            String monolith = "http://127.0.0.1:" + monolithPort;
            Process proxyProcess = jvms.start("proxy", proxy("proxy", proxyJar), proxyEnvironment(kafka, token,
                    backend, extracted, proxyPort, adminPort, "bench.backend.toggles"));
            jvms.start("monolith-proxy", proxy("monolith-proxy", proxyJar), proxyEnvironment(kafka, token, monolith,
                    extracted, monolithProxyPort, monolithAdminPort, "bench.monolith.toggles"));
            Duration startUp = Duration.ofSeconds(300); // a Spring Boot start took 198 s under a load average of 20
            BenchProcesses.awaitHealthy("http://127.0.0.1:" + adminPort + "/actuator/health", startUp);
            BenchProcesses.awaitHealthy("http://127.0.0.1:" + monolithAdminPort + "/actuator/health", startUp);
            BenchProcesses.awaitHealthy(monolith + "/actuator/health", startUp);
            long firstMember = MonolithMembers.register(monolith, MEMBERS);

            System.out.printf("Date: %s, %d cores, java %s, %d s per phase%n", Instant.now(),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), phase.toSeconds());
            try (LoadProcess load = new LoadProcess(0, MEMBERS)) {
                doNothingBackend(load, backend, "http://127.0.0.1:" + proxyPort, proxyProcess,
                        new ProxyAdmin(adminPort, token), phase);
            }
            try (LoadProcess load = new LoadProcess(firstMember, MEMBERS)) {
                monolith(load, monolith, "http://127.0.0.1:" + monolithProxyPort, phase);
            }
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void doNothingBackend(Load load, String direct, String proxy, Process proxyProcess,
                                         ProxyAdmin admin, Duration phase) throws Exception {
        admin.flip("LEGACY");
        System.out.println("do-nothing backend: warming up (JIT) ...");
        load.closedLoop(direct, 16, phase);
        load.closedLoop(proxy, 16, phase);
        admin.flip("SHADOW");
        load.closedLoop(proxy, 8, phase);
        admin.flip("LEGACY");
        load.fixedRate(proxy, 1000, SETTLE);

        Throughput throughput = Throughput.measure(load, direct, proxy, phase);
        LoadGenerator.Result directFixed = load.fixedRate(direct, 1000, phase);
        List<LoadGenerator.Result> legacy = new ArrayList<>();
        List<LoadGenerator.Result> shadow = new ArrayList<>();
        List<Double> legacyCpu = new ArrayList<>();
        List<Double> shadowCpu = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            admin.flip("LEGACY");
            load.fixedRate(proxy, 1000, SETTLE);
            long before = BenchProcesses.cpuMicros(proxyProcess);
            legacy.add(load.fixedRate(proxy, 1000, phase));
            legacyCpu.add(cpuMicrosPerRequest(proxyProcess, before, phase));
            admin.flip("SHADOW");
            load.fixedRate(proxy, 1000, SETTLE);
            before = BenchProcesses.cpuMicros(proxyProcess);
            shadow.add(load.fixedRate(proxy, 1000, phase));
            shadowCpu.add(cpuMicrosPerRequest(proxyProcess, before, phase));
        }
        String parity = admin.parity();
        admin.flip("LEGACY");

        System.out.printf("%n### Do-nothing Netty backend%n%n| measure | direct | proxy (LEGACY) | proxy (SHADOW) "
                + "| figure |%n|---|---|---|---|---|%n");
        throughput.print(true);
        System.out.printf("| p50 at 1,000 req/s (ms) | %.3f | %s | %s | added %.3f ms (median) |%n", directFixed.p50(),
                each(legacy, LoadGenerator.Result::p50), each(shadow, LoadGenerator.Result::p50),
                median(legacy, LoadGenerator.Result::p50) - directFixed.p50());
        List<Double> shadowOverLegacy = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            shadowOverLegacy.add(shadow.get(round).p99() / legacy.get(round).p99());
        }
        System.out.printf("| p99 at 1,000 req/s (ms) | %.3f | %s | %s | added %.3f ms (median); SHADOW/LEGACY "
                        + "per round %s |%n", directFixed.p99(), each(legacy, LoadGenerator.Result::p99),
                each(shadow, LoadGenerator.Result::p99), median(legacy, LoadGenerator.Result::p99) - directFixed.p99(),
                rounded(shadowOverLegacy, "%.2f"));
        System.out.printf("| p99.9 at 1,000 req/s (ms) | %.3f | %s | %s | |%n", directFixed.p999(),
                each(legacy, LoadGenerator.Result::p999), each(shadow, LoadGenerator.Result::p999));
        System.out.printf("| proxy's CPU per request at 1,000 req/s (µs) | | %s | %s | SHADOW adds %.0f µs (median)"
                + " |%n", rounded(legacyCpu, "%.0f"), rounded(shadowCpu, "%.0f"),
                median(shadowCpu, Double::doubleValue) - median(legacyCpu, Double::doubleValue));
        System.out.printf("| failures | %d | %d | %d | |%n", throughput.directFailures() + directFixed.failures(),
                throughput.proxyFailures() + failures(legacy), failures(shadow));
        System.out.println("\nShadow parity after the run: " + parity);
    }

    private static void monolith(Load load, String direct, String proxy, Duration phase) throws Exception {
        System.out.println("\nmonolith: warming up (JIT) ...");
        load.closedLoop(direct, 16, phase);
        load.closedLoop(proxy, 16, phase);

        Throughput throughput = Throughput.measure(load, direct, proxy, phase);
        LoadGenerator.Result directFixed = load.fixedRate(direct, 500, phase);
        LoadGenerator.Result proxyFixed = load.fixedRate(proxy, 500, phase);

        System.out.printf("%n### Monolith GET /api/members/{id} (embedded MariaDB, %d members)%n%n"
                + "| measure | direct | proxy (LEGACY) | figure |%n|---|---|---|---|%n", MEMBERS);
        throughput.print(false);
        System.out.printf("| p50 at 500 req/s (ms) | %.3f | %.3f | added %.3f ms |%n", directFixed.p50(),
                proxyFixed.p50(), proxyFixed.p50() - directFixed.p50());
        System.out.printf("| p99 at 500 req/s (ms) | %.3f | %.3f | added %.3f ms |%n", directFixed.p99(),
                proxyFixed.p99(), proxyFixed.p99() - directFixed.p99());
        System.out.printf("| failures | %d | %d | |%n", throughput.directFailures() + directFixed.failures(),
                throughput.proxyFailures() + proxyFixed.failures());
    }

    /** The CPU a process spent since {@code before} (µs), over the requests of a phase at 1,000 req/s. */
    private static double cpuMicrosPerRequest(Process process, long before, Duration phase) {
        return (BenchProcesses.cpuMicros(process) - before) / (1000.0 * phase.toSeconds());
    }

    /** Closed-loop throughput, 32 in flight, in alternating rounds of direct and proxy. */
    private record Throughput(List<Double> direct, List<Double> proxy, long directFailures, long proxyFailures) {

        static Throughput measure(Load load, String direct, String proxy, Duration phase)
                throws InterruptedException {
            List<Double> directRates = new ArrayList<>();
            List<Double> proxyRates = new ArrayList<>();
            long directFailures = 0;
            long proxyFailures = 0;
            for (int round = 0; round < ROUNDS; round++) {
                LoadGenerator.Result d = load.closedLoop(direct, 32, phase);
                LoadGenerator.Result p = load.closedLoop(proxy, 32, phase);
                directRates.add(d.requestsPerSecond());
                proxyRates.add(p.requestsPerSecond());
                directFailures += d.failures();
                proxyFailures += p.failures();
            }
            return new Throughput(directRates, proxyRates, directFailures, proxyFailures);
        }

        /** One table row; {@code shadowColumn} leaves the SHADOW column of the do-nothing table empty. */
        void print(boolean shadowColumn) {
            List<Double> ratios = new ArrayList<>();
            for (int round = 0; round < direct.size(); round++) {
                ratios.add(proxy.get(round) / direct.get(round));
            }
            System.out.printf("| throughput, 32 in flight (req/s; %d rounds) | %s | %s |%s ratio per round %s; "
                    + "median **%.2f** |%n", ROUNDS, rounded(direct, "%.0f"), rounded(proxy, "%.0f"),
                    shadowColumn ? " |" : "", rounded(ratios, "%.2f"), median(ratios, Double::doubleValue));
        }
    }

    static Map<String, String> proxyEnvironment(String kafka, String token, String legacy, String extracted,
                                                        int port, int adminPort, String toggleTopic) {
        Map<String, String> environment = new HashMap<>();
        environment.put("LEGACY_URL", legacy);
        environment.put("MEMBER_SERVICE_URL", extracted);
        environment.put("ORDER_SERVICE_URL", extracted);
        environment.put("KIT_KAFKA_BOOTSTRAP", kafka);
        environment.put("PROXY_ADMIN_TOKEN", token);
        environment.put("PROXY_PORT", Integer.toString(port));
        environment.put("PROXY_ADMIN_PORT", Integer.toString(adminPort));
        // Each proxy its own toggle log: a flip of one must not reach the other.
        environment.put("PROXY_TOGGLE_TOPIC", toggleTopic);
        return environment;
    }

    /** The proxy's command; {@code {name}} in BENCH_PROXY_JAVA_OPTS becomes the proxy's name (a file per proxy). */
    static List<String> proxy(String name, String jar) {
        List<String> command = jvm("-Xlog:gc:file=" + BenchProcesses.log(name + "-gc"));
        String extra = System.getenv().getOrDefault("BENCH_PROXY_JAVA_OPTS", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.replace("{name}", name).split("\\s+")));
        }
        command.addAll(List.of("-jar", jar));
        return command;
    }

    private static List<String> jvm(String... arguments) {
        List<String> command = new ArrayList<>(List.of(BenchProcesses.java()));
        command.addAll(SERVICE_JVM);
        command.addAll(List.of(arguments));
        return command;
    }

    private static int freePort() throws IOException {
        return BenchProcesses.freePort();
    }

    static <T> double median(List<T> values, ToDoubleFunction<T> measure) {
        double[] sorted = values.stream().mapToDouble(measure).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static String each(List<LoadGenerator.Result> results, ToDoubleFunction<LoadGenerator.Result> measure) {
        return results.stream().map(result -> String.format("%.3f", measure.applyAsDouble(result)))
                .collect(Collectors.joining(", "));
    }

    private static long failures(List<LoadGenerator.Result> results) {
        return results.stream().mapToLong(LoadGenerator.Result::failures).sum();
    }

    static String rounded(List<Double> values, String format) {
        return values.stream().map(value -> String.format(format, value)).collect(Collectors.joining(", "));
    }
}
