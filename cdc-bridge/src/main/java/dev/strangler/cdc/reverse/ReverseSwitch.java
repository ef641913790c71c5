package dev.strangler.cdc.reverse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Properties;

/**
 * Whether the reverse path is on, kept next to the offsets so a restarted bridge resumes in the same direction.
 * Written atomically (write, then rename), so a crash never leaves half a file.
 */
final class ReverseSwitch {

    /** @param by the control token's name that set the switch; null in a file written before names were kept */
    record State(boolean enabled, String reason, String by, Instant changedAt) {
    }

    private final Path file;

    ReverseSwitch(Path directory) {
        this.file = directory.resolve("reverse-path.properties");
    }

    State read() {
        if (!Files.exists(file)) {
            return new State(false, "never enabled", null, null);
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        String changedAt = properties.getProperty("changedAt");
        return new State(Boolean.parseBoolean(properties.getProperty("enabled")), properties.getProperty("reason", ""),
                properties.getProperty("by"), changedAt == null ? null : Instant.parse(changedAt));
    }

    State write(boolean enabled, String reason, String by, Instant now) {
        Properties properties = new Properties();
        properties.setProperty("enabled", Boolean.toString(enabled));
        properties.setProperty("reason", reason == null ? "" : reason);
        properties.setProperty("by", by);
        properties.setProperty("changedAt", now.toString());
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (var out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(out, "Reverse path switch, written by the CDC bridge");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        return new State(enabled, reason, by, now);
    }
}
