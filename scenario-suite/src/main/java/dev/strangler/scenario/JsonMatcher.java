package dev.strangler.scenario;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Compares an expected JSON value with an actual one. The expected value is a structural subset:
 * <ul>
 *   <li>objects: every listed key must be present and match; other keys of the actual object are ignored;</li>
 *   <li>arrays: same length and element by element; an array whose first element is {@code "{{ignore-order}}"}
 *       needs the same length in any order, one whose first element is {@code "{{contains}}"} only needs each
 *       listed element somewhere (for lists that may hold other data);</li>
 *   <li>numbers compare by value ({@code 10} equals {@code 10.00});</li>
 *   <li>strings may be matchers: {@code {{any}}} (present, any value), {@code {{number}}}, {@code {{string}}},
 *       {@code {{iso-instant}}} (ISO-8601 UTC instant), {@code {{absent}}} (the key must not be there),
 *       {@code {{capture:name}}} (any value, remembered as {@code name}), or contain references to captured
 *       values ({@code {{memberId}}}, {@code kim_{{unique}}}).</li>
 * </ul>
 * Pure: no I/O, so the rules are unit-tested on their own.
 */
public final class JsonMatcher {

    static final String ABSENT = "absent";
    static final String IGNORE_ORDER = "ignore-order";
    static final String CONTAINS = "contains";

    private JsonMatcher() {
    }

    /** The differences, empty if {@code actual} matches; captures found on the way are added to {@code captures}. */
    public static List<Mismatch> match(JsonNode expected, JsonNode actual, Captures captures) {
        List<Mismatch> mismatches = new ArrayList<>();
        matchAt("$", expected, actual, captures, mismatches);
        return mismatches;
    }

    static void matchAt(String path, JsonNode expected, JsonNode actual, Captures captures,
                        List<Mismatch> mismatches) {
        if (expected.isString() && Placeholders.soleName(expected.stringValue()) != null) {
            matchPlaceholder(path, Placeholders.soleName(expected.stringValue()), actual, captures, mismatches);
        } else if (expected.isObject()) {
            matchObject(path, expected, actual, captures, mismatches);
        } else if (expected.isArray()) {
            ArrayMatching.match(path, expected, actual, captures, mismatches);
        } else if (expected.isNumber()) {
            if (!actual.isNumber() || expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                mismatches.add(mismatch(path, expected.toString(), actual));
            }
        } else if (expected.isString()) {
            String resolved = Placeholders.resolveText(expected.stringValue(), captures);
            if (!actual.isString() || !resolved.equals(actual.stringValue())) {
                mismatches.add(mismatch(path, quote(resolved), actual));
            }
        } else if (!expected.equals(actual)) {
            mismatches.add(mismatch(path, expected.toString(), actual));
        }
    }

    private static void matchObject(String path, JsonNode expected, JsonNode actual, Captures captures,
                                    List<Mismatch> mismatches) {
        if (!actual.isObject()) {
            mismatches.add(mismatch(path, "an object", actual));
            return;
        }
        for (Map.Entry<String, JsonNode> field : expected.properties()) {
            String fieldPath = path + "." + field.getKey();
            JsonNode actualValue = actual.get(field.getKey());
            boolean mustBeAbsent = field.getValue().isString()
                    && ABSENT.equals(Placeholders.soleName(field.getValue().stringValue()));
            if (mustBeAbsent) {
                if (actualValue != null) {
                    mismatches.add(mismatch(fieldPath, "no such field", actualValue));
                }
            } else if (actualValue == null) {
                mismatches.add(new Mismatch(fieldPath, describe(field.getValue()), "missing"));
            } else {
                matchAt(fieldPath, field.getValue(), actualValue, captures, mismatches);
            }
        }
    }

    private static void matchPlaceholder(String path, String name, JsonNode actual, Captures captures,
                                         List<Mismatch> mismatches) {
        switch (name) {
            case "any" -> { }
            case "number" -> require(actual.isNumber(), path, "a number", actual, mismatches);
            case "string" -> require(actual.isString(), path, "a string", actual, mismatches);
            case "iso-instant" -> require(isInstant(actual), path, "an ISO-8601 UTC instant", actual, mismatches);
            case ABSENT -> mismatches.add(mismatch(path, "no such field", actual));
            default -> {
                if (name.startsWith("capture:")) {
                    captures.put(name.substring("capture:".length()).trim(), actual);
                } else {
                    JsonNode captured = Placeholders.lookUp(name, captures);
                    require(sameValue(captured, actual), path, captured + " ({{" + name + "}})", actual, mismatches);
                }
            }
        }
    }

    private static boolean sameValue(JsonNode captured, JsonNode actual) {
        if (captured.isNumber() && actual.isNumber()) {
            return captured.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return captured.equals(actual);
    }

    private static boolean isInstant(JsonNode actual) {
        if (!actual.isString()) {
            return false;
        }
        try {
            Instant.parse(actual.stringValue());
            return actual.stringValue().endsWith("Z");
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void require(boolean condition, String path, String expected, JsonNode actual,
                                List<Mismatch> mismatches) {
        if (!condition) {
            mismatches.add(mismatch(path, expected, actual));
        }
    }

    static Mismatch mismatch(String path, String expected, JsonNode actual) {
        return new Mismatch(path, expected, Abbreviation.of(actual.toString()));
    }

    private static String describe(JsonNode expected) {
        return expected.isString() ? quote(expected.stringValue()) : Abbreviation.of(expected.toString());
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
