package dev.strangler.proxy.consistency;

import dev.strangler.proxy.route.RouteProperties;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import tools.jackson.databind.JsonNode;

/** A route's {@code consistency} settings, parsed: what its requests and its writes' answers name. */
final class RouteEntities {

    private final List<EntityKey> requestKeys = new ArrayList<>();
    private final List<EntityKey> responseKeys = new ArrayList<>();
    private final List<String> unkeyed;

    RouteEntities(RouteProperties.Consistency consistency) {
        for (String spec : consistency.keys()) {
            EntityKey key = EntityKey.parse(spec);
            (key.ofRequest() ? requestKeys : responseKeys).add(key);
        }
        this.unkeyed = List.copyOf(consistency.unkeyed());
    }

    boolean isEmpty() {
        return requestKeys.isEmpty() && responseKeys.isEmpty() && unkeyed.isEmpty();
    }

    boolean readsResponseBody() {
        return responseKeys.stream().anyMatch(EntityKey::ofResponseBody);
    }

    boolean namesResponses() {
        return !responseKeys.isEmpty();
    }

    /** The entities this request names, as {@code entity:value}. */
    Set<String> inRequest(ServerWebExchange exchange, Supplier<JsonNode> body) {
        Set<String> keys = new HashSet<>();
        for (EntityKey key : requestKeys) {
            String value = key.inRequest(exchange.getRequest(), body);
            if (value != null) {
                keys.add(value);
            }
        }
        return keys;
    }

    /** The entities a write's answer names. */
    Set<String> inResponse(HttpHeaders headers, JsonNode body) {
        Set<String> keys = new HashSet<>();
        for (EntityKey key : responseKeys) {
            String value = key.inResponse(headers, body);
            if (value != null) {
                keys.add(value);
            }
        }
        return keys;
    }

    /** The unkeyed entities a request depends on as a whole: those it names no instance of. */
    List<String> unkeyedBesides(Set<String> named) {
        if (unkeyed.isEmpty()) {
            return List.of();
        }
        return unkeyed.stream().filter(entity -> named.stream().noneMatch(key -> key.startsWith(entity + ":")))
                .toList();
    }
}
