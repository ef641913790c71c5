package dev.strangler.playbook.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the supervisor knows of a part's restarts since {@code kit up}, kept in {@code .kit/run/<part>.restarts} so
 * that {@code kit status} in another terminal shows it.
 *
 * @param restarts   how often the part was started again after it exited on its own
 * @param lastExit   how it last exited, e.g. "exit code 137 (killed by signal 9)", or null
 * @param lastExitAt when, or null
 */
public record PartRestarts(int restarts, String lastExit, Instant lastExitAt) {

    public static final PartRestarts NONE = new PartRestarts(0, null, null);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** This record after one more exit and restart. */
    PartRestarts after(String exit, Instant at) {
        return new PartRestarts(restarts + 1, exit, at);
    }

    static PartRestarts read(StackLayout layout, String part) {
        Path file = file(layout, part);
        try {
            return Files.isRegularFile(file) ? JSON.readValue(file.toFile(), PartRestarts.class) : NONE;
        } catch (JacksonException e) {
            return NONE; // a torn write: the next restart rewrites it
        }
    }

    void write(StackLayout layout, String part) {
        Path file = file(layout, part);
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            JSON.writeValue(partial.toFile(), this);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    static void clear(StackLayout layout, String part) {
        try {
            Files.deleteIfExists(file(layout, part));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path file(StackLayout layout, String part) {
        return layout.runDirectory().resolve(part + ".restarts");
    }
}
