package dev.strangler.diff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a recording of traffic leaves out: the values of named headers and of JSON fields, each replaced by
 * {@value #PLACEHOLDER}. The proxy redacts what it records; a replay redacts the candidate's answer by the same
 * rules, so a redacted value is never a difference.
 */
public final class Redaction {

    public static final String PLACEHOLDER = "[redacted]";

    private final Set<String> headers = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    private final List<String> fields;
    private final List<JsonPathPattern> fieldPatterns;

    /**
     * @param headers header names, matched ignoring case
     * @param fields  JSON paths in the diff rules' syntax: {@code $.password}, {@code $..token} (any depth),
     *                {@code $.cards[*].number}
     */
    public Redaction(List<String> headers, List<String> fields) {
        this.headers.addAll(headers);
        this.fields = List.copyOf(fields);
        this.fieldPatterns = JsonPathPattern.all(fields);
    }

    public List<String> headerNames() {
        return List.copyOf(headers);
    }

    public List<String> fieldPaths() {
        return fields;
    }

    /** A copy with every value of a redacted header replaced. */
    public Map<String, List<String>> headers(Map<String, List<String>> given) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        given.forEach((name, values) -> copy.put(name, headers.contains(name)
                ? values.stream().map(value -> PLACEHOLDER).toList() : List.copyOf(values)));
        return copy;
    }

    /** A copy of the document with every redacted field's value replaced, whatever its type. */
    public JsonNode body(JsonNode document) {
        return fieldPatterns.isEmpty() ? document : redact(document, "$");
    }

    /**
     * A body with its redacted fields replaced when it is JSON (by its Content-Type, or without one), else as given.
     * The same bytes come back when nothing was redacted.
     */
    public byte[] body(String contentType, byte[] body, JsonMapper json) {
        if (fieldPatterns.isEmpty() || body.length == 0 || (contentType != null && !MediaTypes.isJson(contentType))) {
            return body;
        }
        JsonNode document;
        try {
            document = json.readTree(body);
        } catch (RuntimeException e) {
            return body;
        }
        JsonNode redacted = body(document);
        return redacted.equals(document) ? body : json.writeValueAsBytes(redacted);
    }

    private JsonNode redact(JsonNode node, String path) {
        if (JsonPathPattern.anyMatches(fieldPatterns, path)) {
            return JsonNodeFactory.instance.stringNode(PLACEHOLDER);
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(member -> copy.set(member.getKey(),
                    redact(member.getValue(), path + "." + member.getKey())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.values().forEach(element -> copy.add(redact(element, path + "[*]")));
            return copy;
        }
        return node;
    }
}
