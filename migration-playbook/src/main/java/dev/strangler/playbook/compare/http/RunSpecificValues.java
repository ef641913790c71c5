package dev.strangler.playbook.compare.http;

import dev.strangler.scenario.Captures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The values one run of a scenario made up, which the other side's run cannot share: its unique token (login ids,
 * e-mails) and the ids it captured. Each is replaced by its name, so that {@code "id": 10231} on one side and
 * {@code "id": 88} on the other both read {@code "{{memberId}} (number)"}, and {@code /api/members/10231} reads
 * {@code /api/members/{{memberId}}}. A number keeps a mark of its type, so an id turned into a string still differs.
 */
final class RunSpecificValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String uniqueToken;
    private final List<Captured> captured;

    private record Captured(String name, JsonNode value, Pattern inText) {
    }

    RunSpecificValues(Map<String, JsonNode> values) {
        JsonNode token = values.get(Captures.UNIQUE);
        this.uniqueToken = token == null ? null : token.asString();
        List<Captured> scalars = new ArrayList<>();
        values.forEach((name, value) -> {
            boolean usable = (value.isNumber() || value.isString()) && !value.asString().isBlank();
            if (!name.equals(Captures.UNIQUE) && usable) {
                // Only where it stands on its own: id 12 must not eat into 120 or a date's "-12-".
                Pattern inText = Pattern.compile("(?<![\\p{Alnum}.-])" + Pattern.quote(value.asString())
                        + "(?![\\p{Alnum}])");
                scalars.add(new Captured(name, value, inText));
            }
        });
        // The longest first, so that id 1023 is named before an id 10 could take a piece of it.
        scalars.sort(Comparator.comparing((Captured c) -> c.value().asString().length()).reversed());
        this.captured = List.copyOf(scalars);
    }

    JsonNode neutralise(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            node.properties().forEach(member -> copy.set(member.getKey(), neutralise(member.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.values().forEach(element -> copy.add(neutralise(element)));
            return copy;
        }
        if (node.isNumber()) {
            for (Captured value : captured) {
                if (value.value().isNumber() && value.value().decimalValue().compareTo(node.decimalValue()) == 0) {
                    return NODES.stringNode("{{" + value.name() + "}} (number)");
                }
            }
            return node;
        }
        return node.isString() ? NODES.stringNode(neutralise(node.stringValue())) : node;
    }

    String neutralise(String text) {
        String result = uniqueToken == null ? text : text.replace(uniqueToken, "{{" + Captures.UNIQUE + "}}");
        for (Captured value : captured) {
            result = value.inText().matcher(result).replaceAll(Matcher.quoteReplacement("{{" + value.name() + "}}"));
        }
        return result;
    }
}
