package dev.strangler.proxy.recording;

import dev.strangler.diff.Redaction;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON line of a recorded exchange, redacted. A body is {@code body} (text), {@code bodyBase64} (bytes that are
 * not UTF-8) or {@code bodyOmitted} (why it was not kept); the redaction rules go with every line, so a replay can
 * apply them to the candidate's answer.
 */
final class RecordedLine {

    private final Redaction redaction;
    private final long maxBody;
    private final JsonMapper json;

    RecordedLine(Redaction redaction, long maxBody, JsonMapper json) {
        this.redaction = redaction;
        this.maxBody = maxBody;
        this.json = json;
    }

    String of(RecordedExchange exchange) {
        ObjectNode line = json.createObjectNode();
        line.put("route", exchange.route()).put("at", exchange.at().toString()).put("servedBy", exchange.servedBy());
        ObjectNode request = line.putObject("request").put("method", exchange.method()).put("path", exchange.path());
        message(request, exchange.requestHeaders(), exchange.requestBody());
        ObjectNode response = line.putObject("response").put("status", exchange.status());
        message(response, exchange.responseHeaders(), exchange.responseBody());
        ObjectNode redacted = line.putObject("redacted");
        redaction.headerNames().forEach(redacted.putArray("headers")::add);
        redaction.fieldPaths().forEach(redacted.putArray("fields")::add);
        return json.writeValueAsString(line);
    }

    private void message(ObjectNode message, Map<String, List<String>> headers, byte[] body) {
        ObjectNode names = message.putObject("headers");
        redaction.headers(headers).forEach((name, values) -> values.forEach(names.withArray(name)::add));
        if (body == null) {
            message.put("bodyOmitted", "larger than max-body (" + maxBody + " bytes)");
            return;
        }
        byte[] redacted = redaction.body(contentType(headers), body, json);
        try {
            message.put("body", StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(redacted)).toString());
        } catch (CharacterCodingException e) {
            message.put("bodyBase64", Base64.getEncoder().encodeToString(redacted));
        }
    }

    private static String contentType(Map<String, List<String>> headers) {
        return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase("Content-Type"))
                .flatMap(header -> header.getValue().stream()).findFirst().orElse(null);
    }
}
