package dev.strangler.bench.proxy;

import dev.strangler.infra.EmbeddedInfrastructure;
import dev.strangler.infra.InfraSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The servers scenario of issue 19: Spring Cloud Gateway Server WebFlux against Server MVC on virtual threads for
 * the kit's hot path (a passthrough route, the proxy in LEGACY), beside the kit's real proxy, in one run against the
 * same do-nothing backend. Each server in its own JVM with the services' heap and full JIT; the plain gateways on
 * Java 17 and on the newer JDK that virtual threads need, so the JDK's share of a difference shows apart from the
 * server's. Throughput rounds rotate the gateways' order, so none always runs straight after direct.
 * Usage: {@code java -jar proxy-bench.jar servers <proxy jar> <seconds per phase> <java 21+ executable>}
 */
final class GatewayServersBench {

    private static final int ROUNDS = 3;
    private static final int LATENCY_ROUNDS = 2;
    private static final int RATE = 1000;
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private GatewayServersBench() {
    }

    static void run(String proxyJar, Duration phase, String modernJava) throws Exception {
        InfraSettings settings = InfraSettings.fromEnvironment(Map.of())
                .withPorts(BenchProcesses.freePort(), BenchProcesses.freePort(), BenchProcesses.freePort());
        Path home = Files.createTempDirectory(Files.createDirectories(Path.of("bench/proxy/target")), "servers-");
        int backendPort = BenchProcesses.freePort(), extractedPort = BenchProcesses.freePort();
        int proxyPort = BenchProcesses.freePort(), adminPort = BenchProcesses.freePort();
        String backend = "http://127.0.0.1:" + backendPort;
        String token = UUID.randomUUID().toString();
        String java17 = BenchProcesses.java();
        try (EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure(settings, home).start();
             BenchProcesses jvms = new BenchProcesses()) {
            jvms.start("servers-backend", command(java17, List.of(), "backend", Integer.toString(backendPort),
                    Integer.toString(extractedPort)), Map.of());
            jvms.start("servers-proxy", ProxyBench.proxy("servers-proxy", proxyJar), ProxyBench.proxyEnvironment(
                    "127.0.0.1:" + settings.kafkaPort(), token, backend, "http://127.0.0.1:" + extractedPort,
                    proxyPort, adminPort, "bench.servers.toggles"));
            Map<String, String> gateways = new LinkedHashMap<>();
            gateways.put("kit proxy, LEGACY (WebFlux, java 17)", "http://127.0.0.1:" + proxyPort);
            gateways.put("plain WebFlux, java 17", start(jvms, "webflux-17", java17, List.of(), "webflux-gateway", backend));
            gateways.put("plain WebFlux, java 21+", start(jvms, "webflux-21", modernJava, List.of(), "webflux-gateway",
                    backend));
            gateways.put("plain Server MVC, virtual threads, java 21+", start(jvms, "mvc-virtual", modernJava,
                    List.of("-Dspring.threads.virtual.enabled=true"), "mvc-gateway", backend));
            gateways.put("plain Server MVC, platform threads, java 21+", start(jvms, "mvc-platform", modernJava,
                    List.of(), "mvc-gateway", backend));
            // The ceiling of a lean passthrough core on the gateway's transport (no Spring at all).
            gateways.put("bare Reactor Netty forwarder, java 17", start(jvms, "netty-forwarder", java17, List.of(),
                    "netty-forwarder", backend));
            Duration startUp = Duration.ofSeconds(300);
            BenchProcesses.awaitHealthy("http://127.0.0.1:" + adminPort + "/actuator/health", startUp);
            for (String url : gateways.values()) {
                BenchProcesses.awaitHealthy(url + "/api/members/1", startUp);
            }
            new ProxyAdmin(adminPort, token).flip("LEGACY");

            System.out.printf("Date: %s, %d cores, %d s per phase; java 21+ = %s%n", Instant.now(),
                    Runtime.getRuntime().availableProcessors(), phase.toSeconds(), modernJava);
            measure(backend, gateways, phase);
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void measure(String direct, Map<String, String> gateways, Duration phase) throws Exception {
        LoadGenerator load = new LoadGenerator(0, 1000);
        System.out.println("servers: warming up (JIT) ...");
        load.closedLoop(direct, 16, phase);
        for (String url : gateways.values()) {
            load.closedLoop(url, 16, phase);
        }
        List<String> names = new ArrayList<>(gateways.keySet());
        List<Double> directRates = new ArrayList<>();
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        Map<String, Long> failures = new LinkedHashMap<>();
        names.forEach(name -> ratios.put(name, new ArrayList<>()));
        names.forEach(name -> failures.put(name, 0L));
        for (int round = 0; round < ROUNDS; round++) {
            LoadGenerator.Result d = load.closedLoop(direct, 32, phase);
            directRates.add(d.requestsPerSecond());
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((i + round) % names.size());
                LoadGenerator.Result g = load.closedLoop(gateways.get(name), 32, phase);
                ratios.get(name).add(g.requestsPerSecond() / d.requestsPerSecond());
                failures.merge(name, g.failures(), Long::sum);
            }
        }
        Map<String, List<LoadGenerator.Result>> latency = new LinkedHashMap<>();
        latency.put("direct", new ArrayList<>());
        names.forEach(name -> latency.put(name, new ArrayList<>()));
        for (int round = 0; round < LATENCY_ROUNDS; round++) {
            latency.get("direct").add(load.fixedRate(direct, RATE, phase));
            for (String name : names) {
                load.fixedRate(gateways.get(name), RATE, SETTLE);
                latency.get(name).add(load.fixedRate(gateways.get(name), RATE, phase));
            }
        }
        ServersTable.print(directRates, ratios, failures, latency, RATE);
    }

    private static String start(BenchProcesses jvms, String name, String java, List<String> options, String app,
                                String backend) throws Exception {
        int port = BenchProcesses.freePort();
        List<String> jvmOptions = new ArrayList<>(options);
        jvmOptions.add("-Xlog:gc:file=" + BenchProcesses.log(name + "-gc"));
        jvms.start(name, command(java, jvmOptions, app, Integer.toString(port), backend), Map.of());
        return "http://127.0.0.1:" + port;
    }

    private static List<String> command(String java, List<String> options, String... arguments) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(ProxyBench.SERVICE_JVM);
        command.addAll(options);
        command.addAll(List.of("-jar", System.getProperty("java.class.path")));
        command.addAll(List.of(arguments));
        return command;
    }
}
