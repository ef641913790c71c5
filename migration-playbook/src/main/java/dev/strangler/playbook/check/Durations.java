package dev.strangler.playbook.check;

import java.time.Duration;
import java.util.List;

/** The playbook's durations: {@code 500ms}, {@code 30s}, {@code 2m}. */
public final class Durations {

    private Durations() {
    }

    /** The duration {@code text} says, or {@code absent} when it is null. */
    public static Duration parse(String text, Duration absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        if (!valid(text)) {
            throw new IllegalArgumentException("'" + text + "' is not a duration such as 500ms, 30s or 2m");
        }
        long amount = Long.parseLong(text.replaceAll("[a-z]+$", ""));
        return text.endsWith("ms") ? Duration.ofMillis(amount)
                : text.endsWith("m") ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount);
    }

    /** A problem sentence for a field holding an invalid duration, or none. */
    public static List<String> problems(String field, String text) {
        return text == null || valid(text) ? List.of()
                : List.of(field + " must look like 500ms, 30s or 2m, not '" + text + "'");
    }

    private static boolean valid(String text) {
        return text.matches("\\d+(ms|s|m)");
    }
}
