package dev.strangler.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Structural comparison of two JSON documents: the paths where they differ, normalised ({@code $.items[*].price}),
 * so a field that differs in every element of a list is reported once, with the first pair of values seen there.
 * Ignored paths are removed from both sides first; arrays marked unordered are compared as multisets (sorted by
 * their canonical text) so that order alone is never a difference.
 */
public final class JsonDiff {

    private final List<JsonPathPattern> ignored;
    private final List<JsonPathPattern> unordered;

    public JsonDiff(List<JsonPathPattern> ignored, List<JsonPathPattern> unordered) {
        this.ignored = List.copyOf(ignored);
        this.unordered = List.copyOf(unordered);
    }

    /** The differences, sorted by path; empty when the documents agree. */
    public List<Difference> differences(JsonNode left, JsonNode right) {
        Map<String, Difference> out = new TreeMap<>();
        compare(normalise(left, "$"), normalise(right, "$"), "$", out);
        return List.copyOf(out.values());
    }

    /** A copy without ignored paths and with unordered arrays sorted, so both sides line up. */
    private JsonNode normalise(JsonNode node, String path) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String child = path + "." + member.getKey();
                if (!JsonPathPattern.anyMatches(ignored, child)) {
                    copy.set(member.getKey(), normalise(member.getValue(), child));
                }
            }
            return copy;
        }
        if (node.isArray()) {
            String child = path + "[*]";
            List<JsonNode> elements = new ArrayList<>();
            for (JsonNode element : node.values()) {
                if (!JsonPathPattern.anyMatches(ignored, child)) {
                    elements.add(normalise(element, child));
                }
            }
            if (JsonPathPattern.anyMatches(unordered, path)) {
                elements.sort(Comparator.comparing(JsonNode::toString));
            }
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            elements.forEach(copy::add);
            return copy;
        }
        return node;
    }

    private static void compare(JsonNode left, JsonNode right, String path, Map<String, Difference> out) {
        if (left == null || right == null) {
            differ(left, right, path, out);
        } else if (left.isObject() && right.isObject()) {
            Set<String> names = new TreeSet<>(left.propertyNames());
            names.addAll(right.propertyNames());
            for (String name : names) {
                compare(left.get(name), right.get(name), path + "." + name, out);
            }
        } else if (left.isArray() && right.isArray()) {
            if (left.size() != right.size()) {
                differ(left, right, path, out);
            }
            for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
                compare(left.get(i), right.get(i), path + "[*]", out);
            }
        } else if (!left.equals(right)) {
            differ(left, right, path, out);
        }
    }

    /** Values are rendered for the first difference at a path only: the rest would repeat the same finding. */
    private static void differ(JsonNode left, JsonNode right, String path, Map<String, Difference> out) {
        if (!out.containsKey(path)) {
            out.put(path, Difference.of(path, left, right));
        }
    }
}
