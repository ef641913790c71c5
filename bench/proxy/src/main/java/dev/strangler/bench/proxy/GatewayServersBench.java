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
        String backend = "http://127.0.0.1:" + backendPort;
        String token = UUID.randomUUID().toString();
        String java17 = BenchProcesses.java();
        try (EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure(settings, home).start();
             BenchProcesses jvms = new BenchProcesses()) {
            Process backendProcess = jvms.start("servers-backend", BenchProcesses.thisJar(java17, List.of(), "backend",
                    Integer.toString(backendPort), Integer.toString(extractedPort)), Map.of());
            String kafka = "127.0.0.1:" + settings.kafkaPort(), extracted = "http://127.0.0.1:" + extractedPort;
            Map<String, Server> gateways = new LinkedHashMap<>();
            gateways.put("kit proxy, LEGACY (WebFlux, java 17)", kitProxy(jvms, proxyJar, "servers-proxy", kafka, token,
                    backend, extracted, Map.of()));
            // The same proxy with Boot's http.server.requests observation on, as before it followed KIT_TRACING.
            gateways.put("kit proxy, LEGACY, with Boot's http.server.requests observation", kitProxy(jvms, proxyJar,
                    "servers-proxy-observed", kafka, token, backend, extracted,
                    Map.of("MANAGEMENT_OBSERVATIONS_ENABLE_HTTP_SERVER_REQUESTS", "true")));
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
            for (Server gateway : gateways.values()) {
                if (gateway.adminPort() > 0) {
                    BenchProcesses.awaitHealthy("http://127.0.0.1:" + gateway.adminPort() + "/actuator/health",
                            startUp);
                    new ProxyAdmin(gateway.adminPort(), token).flip("LEGACY");
                }
                BenchProcesses.awaitHealthy(gateway.url() + "/api/members/1", startUp);
            }

            System.out.printf("Date: %s, %d cores, %d s per phase; java 21+ = %s%n", Instant.now(),
                    Runtime.getRuntime().availableProcessors(), phase.toSeconds(), modernJava);
            try (LoadProcess load = new LoadProcess(0, 1000)) {
                measure(load, new Server(backend, backendProcess), gateways, phase);
            }
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void measure(Load load, Server direct, Map<String, Server> gateways, Duration phase)
            throws Exception {
        System.out.println("servers: warming up (JIT) ...");
        load.closedLoop(direct.url(), 16, phase);
        for (Server gateway : gateways.values()) {
            load.closedLoop(gateway.url(), 16, phase);
        }
        List<String> names = new ArrayList<>(gateways.keySet());
        List<Double> directRates = new ArrayList<>();
        List<Double> directCpu = new ArrayList<>();
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        Map<String, Long> failures = new LinkedHashMap<>();
        names.forEach(name -> ratios.put(name, new ArrayList<>()));
        names.forEach(name -> cpu.put(name, new ArrayList<>()));
        names.forEach(name -> failures.put(name, 0L));
        for (int round = 0; round < ROUNDS; round++) {
            Measured d = closedLoop(load, direct, phase);
            directRates.add(d.result().requestsPerSecond());
            directCpu.add(d.cpuMicrosPerRequest());
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((i + round) % names.size());
                Measured g = closedLoop(load, gateways.get(name), phase);
                ratios.get(name).add(g.result().requestsPerSecond() / d.result().requestsPerSecond());
                cpu.get(name).add(g.cpuMicrosPerRequest());
                failures.merge(name, g.result().failures(), Long::sum);
            }
        }
        Map<String, List<LoadGenerator.Result>> latency = new LinkedHashMap<>();
        latency.put("direct", new ArrayList<>());
        names.forEach(name -> latency.put(name, new ArrayList<>()));
        for (int round = 0; round < LATENCY_ROUNDS; round++) {
            latency.get("direct").add(load.fixedRate(direct.url(), RATE, phase));
            for (String name : names) {
                load.fixedRate(gateways.get(name).url(), RATE, SETTLE);
                latency.get(name).add(load.fixedRate(gateways.get(name).url(), RATE, phase));
            }
        }
        ServersTable.print(directRates, directCpu, ratios, cpu, failures, latency, RATE);
    }

    /** A closed-loop phase, with the CPU the server's own process spent on each request it answered. */
    private static Measured closedLoop(Load load, Server server, Duration phase) throws InterruptedException {
        long before = BenchProcesses.cpuMicros(server.process());
        LoadGenerator.Result result = load.closedLoop(server.url(), 32, phase);
        long spent = BenchProcesses.cpuMicros(server.process()) - before;
        double requests = result.requestsPerSecond() * phase.toSeconds();
        return new Measured(result, requests > 0 ? spent / requests : Double.NaN);
    }

    private static Server kitProxy(BenchProcesses jvms, String proxyJar, String name, String kafka, String token,
                                   String backend, String extracted, Map<String, String> extraEnvironment)
            throws Exception {
        int port = BenchProcesses.freePort(), adminPort = BenchProcesses.freePort();
        Map<String, String> environment = new LinkedHashMap<>(ProxyBench.proxyEnvironment(kafka, token, backend,
                extracted, port, adminPort, "bench." + name + ".toggles"));
        environment.putAll(extraEnvironment);
        return new Server("http://127.0.0.1:" + port, jvms.start(name, ProxyBench.proxy(name, proxyJar), environment),
                adminPort);
    }

    /**
     * A server under measurement: where to send requests, its process, whose CPU time is read, and for the kit's
     * proxy its admin port (0 for the others), where it is flipped to LEGACY once healthy.
     */
    private record Server(String url, Process process, int adminPort) {

        Server(String url, Process process) {
            this(url, process, 0);
        }
    }

    private record Measured(LoadGenerator.Result result, double cpuMicrosPerRequest) {
    }

    private static Server start(BenchProcesses jvms, String name, String java, List<String> options, String app,
                                String backend) throws Exception {
        int port = BenchProcesses.freePort();
        List<String> jvmOptions = new ArrayList<>(options);
        jvmOptions.add("-Xlog:gc:file=" + BenchProcesses.log(name + "-gc"));
        return new Server("http://127.0.0.1:" + port,
                jvms.start(name, BenchProcesses.thisJar(java, jvmOptions, app, Integer.toString(port), backend),
                        Map.of()));
    }
}
