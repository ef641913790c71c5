package dev.strangler.diff;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A JSON path pattern from a set of diff rules, matched against the normalised paths the diff produces
 * ({@code $.items[*].id}: every array index is written {@code [*]}). Besides literal paths it understands
 * {@code ..name} (at any depth) and {@code .*} (any one member).
 */
public record JsonPathPattern(String source, Pattern regex) {

    private static final String ANY_DEPTH = "(?:\\.[^.\\[]+|\\[\\*])*\\.";
    private static final String ANY_MEMBER = "\\.[^.\\[]+";

    public static JsonPathPattern of(String source) {
        StringBuilder regex = new StringBuilder("^");
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("..", i)) {
                regex.append(ANY_DEPTH);
                i += 2;
            } else if (source.startsWith(".*", i)) {
                regex.append(ANY_MEMBER);
                i += 2;
            } else if (source.startsWith("[*]", i)) {
                regex.append("\\[\\*]");
                i += 3;
            } else {
                regex.append(Pattern.quote(String.valueOf(source.charAt(i))));
                i++;
            }
        }
        return new JsonPathPattern(source, Pattern.compile(regex.append('$').toString()));
    }

    public static List<JsonPathPattern> all(List<String> sources) {
        return sources.stream().map(JsonPathPattern::of).toList();
    }

    public static boolean anyMatches(List<JsonPathPattern> patterns, String path) {
        for (JsonPathPattern pattern : patterns) {
            if (pattern.regex.matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }
}
