package dev.strangler.playbook.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * One entry of the journal as {@link Journal} writes it to {@code <name>.jsonl}: a gate, action, verification or
 * rollback with its outcome and evidence.
 *
 * @param at       when (ISO-8601)
 * @param step     the step's id
 * @param phase    gates, actions, verify or rollback
 * @param outcome  what came of it, in words
 * @param message  what was done or why it failed, or null
 * @param evidence each check's verdict, figures and sentence
 */
public record JournalEntry(String at, String step, String phase, String outcome, String message,
                           List<Map<String, Object>> evidence) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static List<JournalEntry> read(Path lines) {
        if (!Files.exists(lines)) {
            return List.of();
        }
        try (var stream = Files.lines(lines, StandardCharsets.UTF_8)) {
            return stream.filter(line -> !line.isBlank()).map(line -> JSON.readValue(line, JournalEntry.class))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the journal " + lines, e);
        }
    }
}
