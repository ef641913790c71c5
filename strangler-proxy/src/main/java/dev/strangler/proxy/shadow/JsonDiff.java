package dev.strangler.proxy.shadow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Structural comparison of two JSON documents: the paths where they differ, normalised ({@code $.items[*].price}),
 * so a field that differs in every element of a list is reported once. Ignored paths are removed from both sides
 * first; arrays marked unordered are compared as multisets (sorted by their canonical text) so that order alone
 * is never a difference.
 */
final class JsonDiff {

    private final List<JsonPathPattern> ignored;
    private final List<JsonPathPattern> unordered;

    JsonDiff(List<JsonPathPattern> ignored, List<JsonPathPattern> unordered) {
        this.ignored = ignored;
        this.unordered = unordered;
    }

    Set<String> differences(JsonNode left, JsonNode right) {
        Set<String> out = new TreeSet<>();
        compare(normalise(left, "$"), normalise(right, "$"), "$", out);
        return out;
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

    private static void compare(JsonNode left, JsonNode right, String path, Set<String> out) {
        if (left == null || right == null) {
            out.add(path);
        } else if (left.isObject() && right.isObject()) {
            Set<String> names = new TreeSet<>(left.propertyNames());
            names.addAll(right.propertyNames());
            for (String name : names) {
                compare(left.get(name), right.get(name), path + "." + name, out);
            }
        } else if (left.isArray() && right.isArray()) {
            if (left.size() != right.size()) {
                out.add(path);
            }
            for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
                compare(left.get(i), right.get(i), path + "[*]", out);
            }
        } else if (!left.equals(right)) {
            out.add(path);
        }
    }
}
