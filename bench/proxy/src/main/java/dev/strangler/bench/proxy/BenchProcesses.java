package dev.strangler.bench.proxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JVMs a run starts (backends, monolith, proxies), each with full JIT, its output in a log under
 * {@code java.io.tmpdir} kept after the run; stopped in reverse order of start.
 */
final class BenchProcesses implements AutoCloseable {

    private final List<Process> started = new ArrayList<>();

    Process start(String name, List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of(log(name + ".log")).toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** The CPU time a process has used so far, all its threads, in microseconds: less noisy than a rate. */
    static long cpuMicros(Process process) {
        return process.toHandle().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("No CPU time for PID " + process.pid()))
                .toNanos() / 1_000;
    }

    static String log(String name) {
        return Path.of(System.getProperty("java.io.tmpdir"), "proxy-bench-" + name).toString();
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The command that runs this harness's own jar (a backend, a plain gateway, the load generator) in a JVM of its
     * own, with the services' heap and full JIT.
     */
    static List<String> thisJar(String java, List<String> options, String... arguments) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(ProxyBench.SERVICE_JVM);
        command.addAll(options);
        command.addAll(List.of("-jar", System.getProperty("java.class.path")));
        command.addAll(List.of(arguments));
        return command;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void awaitHealthy(String url, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting; poll again shortly.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Not healthy within " + timeout + ": " + url);
    }

    @Override
    public void close() throws InterruptedException {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).destroy();
            started.get(i).waitFor();
        }
    }
}
