package dev.strangler.diff;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares two answers to the same request by a set of diff rules. Differences are named {@code status},
 * {@code header:Name}, {@code body} (non-JSON bodies that differ) or a normalised JSON path such as
 * {@code $.items[*].price}.
 */
public final class ResponseComparator {

    private static final String CONTENT_TYPE = "Content-Type";

    private final DiffRules rules;
    private final JsonDiff jsonDiff;
    private final JsonMapper json;

    public ResponseComparator(DiffRules rules, JsonMapper json) {
        this.rules = rules;
        this.jsonDiff = new JsonDiff(JsonPathPattern.all(rules.ignorePaths()),
                JsonPathPattern.all(rules.unorderedArrays()));
        this.json = json;
    }

    /** The differences, sorted by path; empty when the answers agree on everything compared. */
    public List<Difference> differences(ComparedResponse left, ComparedResponse right) {
        List<Difference> out = new ArrayList<>();
        if (left.status() != right.status()) {
            out.add(new Difference("status", String.valueOf(left.status()), String.valueOf(right.status())));
        }
        for (String header : rules.compareHeaders()) {
            String a = left.firstHeader(header).orElse(null);
            String b = right.firstHeader(header).orElse(null);
            if (!sameHeader(header, a, b)) {
                out.add(new Difference("header:" + header, Objects.requireNonNullElse(a, Difference.MISSING),
                        Objects.requireNonNullElse(b, Difference.MISSING)));
            }
        }
        // Equal bytes parse to equal trees, so nothing in the body can differ whatever the rules: the common case
        // of a mirror (and of a noise sample) is told apart without parsing either answer.
        if (!Arrays.equals(left.body(), right.body())) {
            out.addAll(bodyDifferences(left, right));
        }
        out.sort(Comparator.comparing(Difference::path));
        return List.copyOf(out);
    }

    private List<Difference> bodyDifferences(ComparedResponse left, ComparedResponse right) {
        JsonNode leftJson = parse(left);
        JsonNode rightJson = parse(right);
        if (leftJson != null && rightJson != null) {
            return jsonDiff.differences(leftJson, rightJson);
        }
        return List.of(new Difference("body", text(left.body()), text(right.body())));
    }

    private static boolean sameHeader(String name, String a, String b) {
        if (a != null && b != null && CONTENT_TYPE.equalsIgnoreCase(name)) {
            // Parameters such as charset=UTF-8 are spelled differently by different stacks for the same thing.
            return MediaTypes.typeAndSubtype(a).equals(MediaTypes.typeAndSubtype(b));
        }
        return Objects.equals(a, b);
    }

    private JsonNode parse(ComparedResponse response) {
        String type = response.firstHeader(CONTENT_TYPE).orElse(null);
        if (type == null || !MediaTypes.isJson(type) || response.body().length == 0) {
            return null;
        }
        try {
            return json.readTree(response.body());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(byte[] body) {
        return body.length == 0 ? "empty" : Difference.cut(new String(body, StandardCharsets.UTF_8));
    }
}
