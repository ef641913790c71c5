package dev.strangler.proxy.web;

import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The request body as JSON, parsed at most once and only when a key asks for it. */
public final class JsonBody {

    private JsonBody() {
    }

    /** A supplier that parses the cached body on its first call: null when it is empty or not JSON. */
    public static Supplier<JsonNode> lazily(ServerWebExchange exchange, JsonMapper json) {
        return new Supplier<>() {
            private JsonNode parsed;
            private boolean done;

            @Override
            public JsonNode get() {
                if (!done) {
                    done = true;
                    parsed = parse(CachedBody.of(exchange), exchange.getRequest().getHeaders().getContentType(), json);
                }
                return parsed;
            }
        };
    }

    /** {@code bytes} as JSON when the media type allows it; null otherwise, or when it does not parse. */
    public static JsonNode parse(byte[] bytes, MediaType type, JsonMapper json) {
        if (bytes.length == 0 || (type != null && !type.isCompatibleWith(MediaType.APPLICATION_JSON)
                && !type.getSubtype().endsWith("+json"))) {
            return null;
        }
        try {
            return json.readTree(bytes);
        } catch (RuntimeException e) {
            // Not JSON after all: the next key (or the path) decides.
            return null;
        }
    }
}
