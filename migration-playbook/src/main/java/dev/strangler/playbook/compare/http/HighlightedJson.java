package dev.strangler.playbook.compare.http;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A body as escaped HTML, JSON indented, with the values at the differing paths marked: paths are the diff's
 * normalised ones ({@code $.items[*].price}), so a difference named once is marked in every element it covers.
 */
public final class HighlightedJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Enough to show any answer a recording keeps; a larger one is cut, its differences are in the table. */
    private static final int MAX_CHARS = 100_000;

    private HighlightedJson() {
    }

    public static String html(String body, Set<String> paths) {
        JsonNode document = parse(body);
        if (document == null) {
            String text = body.length() > MAX_CHARS ? body.substring(0, MAX_CHARS) + "\n… (" + body.length()
                    + " chars)" : body;
            return paths.contains("body") ? mark(Html.escape(text)) : Html.escape(text);
        }
        StringBuilder out = new StringBuilder();
        write(document, "$", paths, "", out);
        return out.length() > MAX_CHARS ? out.substring(0, MAX_CHARS) + "\n… (cut)" : out.toString();
    }

    private static void write(JsonNode node, String path, Set<String> paths, String indent, StringBuilder out) {
        boolean marked = paths.contains(path);
        if (marked) {
            out.append("<mark>");
        }
        if (node.isObject() && !node.isEmpty()) {
            out.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> members = node.properties().iterator();
            while (members.hasNext()) {
                Map.Entry<String, JsonNode> member = members.next();
                out.append(indent).append("  ").append(Html.escape(JSON.writeValueAsString(member.getKey())))
                        .append(": ");
                write(member.getValue(), path + "." + member.getKey(), paths, indent + "  ", out);
                out.append(members.hasNext() ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else if (node.isArray() && !node.isEmpty()) {
            out.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                out.append(indent).append("  ");
                write(node.get(i), path + "[*]", paths, indent + "  ", out);
                out.append(i + 1 < node.size() ? ",\n" : "\n");
            }
            out.append(indent).append(']');
        } else {
            out.append(Html.escape(node.toString()));
        }
        if (marked) {
            out.append("</mark>");
        }
    }

    private static String mark(String html) {
        return "<mark>" + html + "</mark>";
    }

    private static JsonNode parse(String body) {
        try {
            return body.isBlank() ? null : JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }
}
