package dev.strangler.scenario;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Resolves references to captured values, {@code {{name}}}, in request paths, headers and bodies, and in the
 * literal parts of expected values. A string that is exactly one reference takes the captured value with its
 * JSON type (a number stays a number); a reference inside a longer string is replaced by its text.
 */
final class Placeholders {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]+)}}");

    private Placeholders() {
    }

    /** The name inside a string that is exactly one placeholder, or null. */
    static String soleName(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        return matcher.matches() ? matcher.group(1).trim() : null;
    }

    static String resolveText(String text, Captures captures) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            JsonNode value = lookUp(matcher.group(1).trim(), captures);
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value.asString()));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    static JsonNode resolveNode(JsonNode node, Captures captures) {
        if (node.isString()) {
            String name = soleName(node.stringValue());
            return name != null ? lookUp(name, captures)
                    : JsonNodeFactory.instance.stringNode(resolveText(node.stringValue(), captures));
        }
        if (node.isObject()) {
            ObjectNode resolved = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                resolved.set(field.getKey(), resolveNode(field.getValue(), captures));
            }
            return resolved;
        }
        if (node.isArray()) {
            ArrayNode resolved = JsonNodeFactory.instance.arrayNode();
            node.values().forEach(element -> resolved.add(resolveNode(element, captures)));
            return resolved;
        }
        return node;
    }

    static JsonNode lookUp(String name, Captures captures) {
        return captures.get(name).orElseThrow(() -> new ScenarioException("unknown placeholder {{" + name
                + "}}: no earlier step captured it (captured so far: " + captures + ")"));
    }
}
