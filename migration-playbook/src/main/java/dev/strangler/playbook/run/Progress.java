package dev.strangler.playbook.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which steps of a playbook are applied, kept in a file written atomically after every step, so a crash or a
 * Ctrl-C resumes where it stopped.
 */
public final class Progress {

    public record Applied(String step, Instant at) {
    }

    record State(List<Applied> applied) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final List<Applied> applied;

    private Progress(Path file, List<Applied> applied) {
        this.file = file;
        this.applied = applied;
    }

    static Progress load(Path file) {
        if (!Files.exists(file)) {
            return new Progress(file, new ArrayList<>());
        }
        return new Progress(file, new ArrayList<>(JSON.readValue(file.toFile(), State.class).applied()));
    }

    boolean isApplied(String step) {
        return applied.stream().anyMatch(entry -> entry.step().equals(step));
    }

    List<Applied> applied() {
        return List.copyOf(applied);
    }

    void markApplied(String step, Instant at) {
        applied.add(new Applied(step, at));
        save();
    }

    void unmark(String step) {
        applied.removeIf(entry -> entry.step().equals(step));
        save();
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), new State(applied));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the playbook's progress in " + file, e);
        }
    }
}
