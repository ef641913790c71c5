package dev.strangler.diff;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * One place where two answers differ, with the first pair of values seen there, cut to a readable length.
 *
 * @param path  {@code status}, {@code header:Name}, {@code body} (non-JSON bodies) or a normalised JSON path such
 *              as {@code $.items[*].price}
 * @param left  the left answer's value there, {@code missing} when it has none
 * @param right the right answer's value there, {@code missing} when it has none
 */
public record Difference(String path, String left, String right) {

    static final String MISSING = "missing";
    private static final int VALUE_LIMIT = 200;

    static Difference of(String path, JsonNode left, JsonNode right) {
        return new Difference(path, left == null ? MISSING : cut(left.toString()),
                right == null ? MISSING : cut(right.toString()));
    }

    static String cut(String text) {
        return text.length() <= VALUE_LIMIT ? text : text.substring(0, VALUE_LIMIT) + "… (" + text.length() + " chars)";
    }

    /** The paths alone, sorted: what the proxy counts and learns noise from. */
    public static Set<String> paths(Collection<Difference> differences) {
        Set<String> paths = new TreeSet<>();
        differences.forEach(difference -> paths.add(difference.path()));
        return paths;
    }

    @Override
    public String toString() {
        return path + ": " + left + " | " + right;
    }
}
