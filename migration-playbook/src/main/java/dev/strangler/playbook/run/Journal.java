package dev.strangler.playbook.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import dev.strangler.playbook.check.Evidence;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The migration's written record: every gate, action, verification and rollback, with the figures measured and the
 * outcome, appended to {@code <name>.md} for people and {@code <name>.jsonl} for tools.
 */
final class Journal {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path markdown;
    private final Path lines;
    private final PlaybookMetrics metrics;

    Journal(Path directory, Path metricsDirectory, String playbook) {
        this.markdown = directory.resolve(playbook + ".md");
        this.lines = directory.resolve(playbook + ".jsonl");
        this.metrics = new PlaybookMetrics(metricsDirectory, playbook);
    }

    Path markdown() {
        return markdown;
    }

    void record(Instant at, String step, String phase, String outcome, List<Evidence> evidence, String message) {
        StringBuilder text = new StringBuilder();
        text.append("### ").append(at).append(" · ").append(step).append(" · ").append(phase).append(": ")
                .append(outcome).append("\n\n");
        if (message != null && !message.isBlank()) {
            text.append(message).append("\n\n");
        }
        for (Evidence item : evidence) {
            text.append("- ").append(item.passed() ? "✔ " : "✘ ").append(item.check()).append(" — ").append(item.detail())
                    .append('\n');
            item.figures().forEach((name, value) -> text.append("  - ").append(name).append(": ").append(value).append('\n'));
        }
        text.append('\n');
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("at", at.toString());
        entry.put("step", step);
        entry.put("phase", phase);
        entry.put("outcome", outcome);
        entry.put("message", message);
        entry.put("evidence", evidence);
        append(markdown, text.toString());
        append(lines, JSON.writeValueAsString(entry) + "\n");
        metrics.record(at, step, phase, outcome, evidence);
    }

    private static void append(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the journal " + file, e);
        }
    }
}
