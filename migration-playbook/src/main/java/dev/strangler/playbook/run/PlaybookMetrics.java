package dev.strangler.playbook.run;

import dev.strangler.playbook.check.Evidence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The journal's outcomes as Prometheus samples in a text file ({@code .kit/metrics/playbook-<name>.prom}), for
 * node_exporter's textfile collector: when each step last reached each phase and whether it passed, and each
 * check's last outcome. The playbook is a command, not a server, so it leaves its figures where a collector reads
 * them; each record rewrites the file with what it held plus the new samples.
 */
final class PlaybookMetrics {

    private static final String HEADER = """
            # HELP kit_playbook_phase_passed 1 when the step's phase last passed or was done, 0 when it failed
            # TYPE kit_playbook_phase_passed gauge
            # HELP kit_playbook_phase_timestamp_seconds when the step last reached the phase
            # TYPE kit_playbook_phase_timestamp_seconds gauge
            # HELP kit_playbook_check_passed 1 when the check last passed, 0 when it failed
            # TYPE kit_playbook_check_passed gauge
            """;

    private final Path file;
    private final String playbook;

    PlaybookMetrics(Path directory, String playbook) {
        this.file = directory.resolve("playbook-" + playbook + ".prom");
        this.playbook = playbook;
    }

    void record(Instant at, String step, String phase, String outcome, List<Evidence> evidence) {
        Map<String, String> samples = read();
        boolean passed = outcome.startsWith("passed") || outcome.startsWith("done");
        String stepLabels = "playbook=\"" + escape(playbook) + "\",step=\"" + escape(step) + "\",phase=\""
                + escape(phase) + "\"";
        samples.put("kit_playbook_phase_passed{" + stepLabels + "}", passed ? "1" : "0");
        samples.put("kit_playbook_phase_timestamp_seconds{" + stepLabels + "}", Long.toString(at.getEpochSecond()));
        for (Evidence item : evidence) {
            samples.put("kit_playbook_check_passed{" + stepLabels + ",check=\"" + escape(item.check()) + "\"}",
                    item.passed() ? "1" : "0");
        }
        write(samples);
    }

    private Map<String, String> read() {
        Map<String, String> samples = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return samples;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int space = line.lastIndexOf(' ');
                if (!line.startsWith("#") && space > 0) {
                    samples.put(line.substring(0, space), line.substring(space + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return samples;
    }

    private void write(Map<String, String> samples) {
        StringBuilder text = new StringBuilder(HEADER);
        samples.forEach((series, value) -> text.append(series).append(' ').append(value).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
