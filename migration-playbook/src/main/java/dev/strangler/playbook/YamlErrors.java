package dev.strangler.playbook;

import java.nio.file.Path;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/** A YAML problem as one line: file, line and column where the parser knows them, then what it said. */
public final class YamlErrors {

    private YamlErrors() {
    }

    public static KitException configuration(Path file, JacksonException e) {
        TokenStreamLocation at = e.getLocation();
        String where = at == null ? file.toString() : file + ":" + at.getLineNr() + ":" + at.getColumnNr();
        // Parser messages span lines with carets under the spot; the location is already in front.
        String message = e.getOriginalMessage().lines().map(String::trim)
                .filter(line -> !line.isEmpty() && !line.equals("^") && !line.startsWith("in reader"))
                .collect(Collectors.joining("; "));
        return KitException.configuration(where + ": " + message);
    }
}
