package dev.strangler.proxy.shadow;

import dev.strangler.proxy.route.RouteProperties;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares two answers by a route's diff rules. Differences are named {@code status}, {@code header:Name},
 * {@code body} (non-JSON bodies that differ) or a normalised JSON path such as {@code $.items[*].price}.
 */
final class ResponseComparator {

    private final RouteProperties.Diff rules;
    private final JsonDiff jsonDiff;
    private final JsonMapper json;

    ResponseComparator(RouteProperties.Diff rules, JsonMapper json) {
        this.rules = rules;
        this.jsonDiff = new JsonDiff(JsonPathPattern.all(rules.ignorePaths()),
                JsonPathPattern.all(rules.unorderedArrays()));
        this.json = json;
    }

    Set<String> differences(CapturedResponse left, CapturedResponse right) {
        Set<String> out = new TreeSet<>();
        if (left.status() != right.status()) {
            out.add("status");
        }
        for (String header : rules.compareHeaders()) {
            if (!sameHeader(header, left.headers(), right.headers())) {
                out.add("header:" + header);
            }
        }
        JsonNode leftJson = parse(left);
        JsonNode rightJson = parse(right);
        if (leftJson != null && rightJson != null) {
            out.addAll(jsonDiff.differences(leftJson, rightJson));
        } else if (!Arrays.equals(left.body(), right.body())) {
            out.add("body");
        }
        return out;
    }

    private static boolean sameHeader(String name, HttpHeaders left, HttpHeaders right) {
        String a = left.getFirst(name);
        String b = right.getFirst(name);
        if (a != null && b != null && HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
            // Parameters such as charset=UTF-8 are spelled differently by different stacks for the same thing.
            return MediaType.parseMediaType(a).equalsTypeAndSubtype(MediaType.parseMediaType(b));
        }
        return Objects.equals(a, b);
    }

    private JsonNode parse(CapturedResponse response) {
        MediaType type = response.headers().getContentType();
        boolean jsonType = type != null && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                || type.getSubtype().endsWith("+json"));
        if (!jsonType || response.body().length == 0) {
            return null;
        }
        try {
            return json.readTree(response.body());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
