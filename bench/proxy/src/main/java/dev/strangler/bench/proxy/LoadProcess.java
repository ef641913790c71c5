package dev.strangler.bench.proxy;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@link LoadGenerator} in a JVM of its own, driven over its standard input and output: one command line per
 * phase, one result line back. Apart from the harness, whose JVM also holds the embedded Kafka broker (young
 * collections of 5–11 ms there), a pause of the harness no longer shows as latency of the server measured.
 */
final class LoadProcess implements Load, AutoCloseable {

    private static final String RESULT = "result ";

    private final Process process;
    private final BufferedWriter commands;
    private final BufferedReader replies;
    private final String log;

    /** Starts the load JVM, requesting {@code GET /api/members/{id}} for the {@code ids} ids from {@code firstId}. */
    LoadProcess(long firstId, int ids) throws IOException {
        List<String> command = BenchProcesses.thisJar(BenchProcesses.java(), List.of(), "load",
                Long.toString(firstId), Integer.toString(ids));
        this.log = BenchProcesses.log("load.log");
        this.process = new ProcessBuilder(command).redirectError(Path.of(log).toFile()).start();
        this.commands = process.outputWriter(StandardCharsets.UTF_8);
        this.replies = process.inputReader(StandardCharsets.UTF_8);
    }

    @Override
    public LoadGenerator.Result fixedRate(String baseUrl, int perSecond, Duration duration) {
        return ask("fixed", baseUrl, perSecond, duration);
    }

    @Override
    public LoadGenerator.Result closedLoop(String baseUrl, int inFlight, Duration duration) {
        return ask("closed", baseUrl, inFlight, duration);
    }

    private synchronized LoadGenerator.Result ask(String kind, String baseUrl, int n, Duration duration) {
        try {
            commands.write(kind + " " + baseUrl + " " + n + " " + duration.toSeconds());
            commands.newLine();
            commands.flush();
            String line;
            while ((line = replies.readLine()) != null) {
                if (line.startsWith(RESULT)) {
                    String[] f = line.substring(RESULT.length()).split(" ");
                    return new LoadGenerator.Result(Double.parseDouble(f[0]), Double.parseDouble(f[1]),
                            Double.parseDouble(f[2]), Double.parseDouble(f[3]), Long.parseLong(f[4]));
                }
            }
            throw new IllegalStateException("The load generator's JVM ended; its log: " + log);
        } catch (IOException e) {
            throw new UncheckedIOException("The load generator's JVM does not answer; its log: " + log, e);
        }
    }

    /** The load JVM's main loop: a phase per line read, until its input ends (the harness closed it, or ended). */
    static void serve(long firstId, int ids) throws IOException, InterruptedException {
        LoadGenerator load = new LoadGenerator(firstId, ids);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] f = line.split(" ");
            Duration duration = Duration.ofSeconds(Long.parseLong(f[3]));
            int n = Integer.parseInt(f[2]);
            LoadGenerator.Result r = f[0].equals("fixed") ? load.fixedRate(f[1], n, duration)
                    : load.closedLoop(f[1], n, duration);
            System.out.println(RESULT + r.p50() + " " + r.p99() + " " + r.p999() + " " + r.requestsPerSecond() + " "
                    + r.failures());
            System.out.flush();
        }
        System.exit(0);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        commands.close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
