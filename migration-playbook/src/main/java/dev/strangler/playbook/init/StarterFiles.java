package dev.strangler.playbook.init;

import dev.strangler.playbook.KitException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the starter files all or nothing: each goes to a temporary file in the output directory first, and only
 * when every one is written are they moved into place, so a failure leaves no half-written set behind.
 */
final class StarterFiles {

    private final Path directory;
    private final Map<String, String> files = new LinkedHashMap<>();

    StarterFiles(Path directory) {
        this.directory = directory;
    }

    StarterFiles add(String name, String content) {
        files.put(name, content);
        return this;
    }

    /** Refuses, before anything is written, to replace existing files unless told to. */
    void requireWritable(boolean force) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw KitException.configuration("--out " + directory + " is a file, not a directory");
        }
        List<String> existing = files.keySet().stream().filter(name -> Files.exists(directory.resolve(name))).toList();
        if (!existing.isEmpty() && !force) {
            throw KitException.configuration(directory + " already has " + String.join(", ", existing)
                    + "; nothing was written (--force replaces them)");
        }
    }

    /** @return the written files, in the order added */
    List<Path> write() {
        Map<Path, Path> temporary = new LinkedHashMap<>();
        try {
            Files.createDirectories(directory);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path temp = Files.createTempFile(directory, ".kit-init-", ".tmp");
                temporary.put(temp, directory.resolve(file.getKey()));
                Files.writeString(temp, file.getValue());
            }
            List<Path> written = new ArrayList<>();
            for (Map.Entry<Path, Path> move : temporary.entrySet()) {
                move(move.getKey(), move.getValue());
                written.add(move.getValue());
            }
            return written;
        } catch (IOException e) {
            throw KitException.configuration("cannot write the starter files to " + directory + ": " + e);
        } finally {
            temporary.keySet().forEach(StarterFiles::deleteQuietly);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // a leftover hidden temporary file; the next run's files do not depend on it
        }
    }
}
