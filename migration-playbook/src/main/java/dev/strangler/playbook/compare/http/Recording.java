package dev.strangler.playbook.compare.http;

import dev.strangler.diff.Redaction;
import dev.strangler.playbook.KitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a proxy recording (one JSON line per exchange, {@code strangler.proxy.recording}) for a replay. */
final class Recording {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Recording() {
    }

    /** Every exchange of the file, in order; a bad file or line is bad input, named with its line number. */
    static List<RecordedExchange> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw KitException.configuration("--recorded " + file + (Files.exists(file) ? " is not a file"
                    : " does not exist"));
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw KitException.configuration("--recorded: cannot read " + file + ": " + e.getMessage());
        }
        List<RecordedExchange> exchanges = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                try {
                    exchanges.add(exchange(i + 1, JSON.readTree(lines.get(i))));
                } catch (JacksonException | IllegalArgumentException e) {
                    String reason = e instanceof JacksonException json ? "not JSON (" + json.getOriginalMessage() + ")"
                            : e.getMessage();
                    throw KitException.configuration("--recorded " + file + ", line " + (i + 1)
                            + ": not a recorded exchange: " + reason);
                }
            }
        }
        if (exchanges.isEmpty()) {
            throw KitException.configuration("--recorded " + file + " holds no recorded exchanges");
        }
        return exchanges;
    }

    private static RecordedExchange exchange(int line, JsonNode node) {
        JsonNode request = node.path("request");
        JsonNode response = node.path("response");
        String method = text(request, "method", "request.method");
        String path = text(request, "path", "request.path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("request.path must start with '/'");
        }
        JsonNode status = response.path("status");
        if (!status.isInt() || status.intValue() < 100 || status.intValue() > 599) {
            throw new IllegalArgumentException("response.status must be an HTTP status");
        }
        Redaction redaction = new Redaction(strings(node.at("/redacted/headers")), strings(node.at("/redacted/fields")));
        return new RecordedExchange(line, node.path("route").asString("recording"),
                node.path("servedBy").isString() ? node.path("servedBy").asString() : null, method, path,
                headers(request.path("headers")), body(request, "request"), status.intValue(),
                headers(response.path("headers")), body(response, "response"), redaction);
    }

    private static String text(JsonNode parent, String field, String name) {
        JsonNode value = parent.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return value.asString();
    }

    private static Map<String, List<String>> headers(JsonNode headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        headers.properties().forEach(header -> map.put(header.getKey(), strings(header.getValue())));
        return map;
    }

    private static List<String> strings(JsonNode array) {
        return array.isArray() ? array.valueStream().map(JsonNode::asString).toList() : List.of();
    }

    private static RecordedExchange.Body body(JsonNode message, String name) {
        if (message.path("bodyOmitted").isString()) {
            return new RecordedExchange.Body(null, message.path("bodyOmitted").asString());
        }
        if (message.path("bodyBase64").isString()) {
            try {
                return new RecordedExchange.Body(Base64.getDecoder().decode(message.path("bodyBase64").asString()),
                        null);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ".bodyBase64 is not Base64");
            }
        }
        return new RecordedExchange.Body(message.path("body").asString("").getBytes(StandardCharsets.UTF_8), null);
    }
}
