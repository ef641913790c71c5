package dev.strangler.scenario;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The array rules of {@link JsonMatcher}: element by element, or in any order, or "contains". */
final class ArrayMatching {

    private ArrayMatching() {
    }

    static void match(String path, JsonNode expected, JsonNode actual, Captures captures, List<Mismatch> mismatches) {
        if (!actual.isArray()) {
            mismatches.add(JsonMatcher.mismatch(path, "an array", actual));
            return;
        }
        List<JsonNode> elements = new ArrayList<>(expected.values());
        String mode = elements.isEmpty() || !elements.get(0).isString() ? null
                : Placeholders.soleName(elements.get(0).stringValue());
        boolean anyOrder = JsonMatcher.IGNORE_ORDER.equals(mode);
        boolean contains = JsonMatcher.CONTAINS.equals(mode);
        if (anyOrder || contains) {
            elements.remove(0);
        }
        if (!contains && elements.size() != actual.size()) {
            mismatches.add(JsonMatcher.mismatch(path, elements.size() + " elements", actual));
            return;
        }
        if (anyOrder || contains) {
            matchUnordered(path, elements, actual, captures, mismatches);
        } else {
            for (int i = 0; i < elements.size(); i++) {
                JsonMatcher.matchAt(path + "[" + i + "]", elements.get(i), actual.get(i), captures, mismatches);
            }
        }
    }

    /** Greedy: each expected element takes the first actual element it matches that no earlier one took. */
    private static void matchUnordered(String path, List<JsonNode> expected, JsonNode actual, Captures captures,
                                       List<Mismatch> mismatches) {
        boolean[] taken = new boolean[actual.size()];
        for (int e = 0; e < expected.size(); e++) {
            int found = -1;
            for (int a = 0; a < actual.size() && found < 0; a++) {
                if (taken[a]) {
                    continue;
                }
                Captures attempt = captures.copy();
                List<Mismatch> differences = new ArrayList<>();
                JsonMatcher.matchAt(path + "[" + a + "]", expected.get(e), actual.get(a), attempt, differences);
                if (differences.isEmpty()) {
                    found = a;
                    captures.replaceWith(attempt);
                }
            }
            if (found < 0) {
                mismatches.add(new Mismatch(path + "[*]", "an element matching " + Abbreviation.of(
                        expected.get(e).toString()), "none among " + Abbreviation.of(actual.toString())));
            } else {
                taken[found] = true;
            }
        }
    }
}
