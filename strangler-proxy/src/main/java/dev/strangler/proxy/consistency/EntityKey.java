package dev.strangler.proxy.consistency;

import dev.strangler.proxy.routing.StickyKey;
import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.JsonNode;

/**
 * Where a request, or a write's answer, names an entity: {@code member=path:/api/members/{id}/**},
 * {@code order=location:/api/orders/{id}}, {@code member=response-json:memberId}. Parsed from a route's
 * {@code consistency.keys}.
 *
 * @param entity   the entity's kind, e.g. {@code member}
 * @param request  where the request carries it, or null for a key of the answer
 * @param location the Location header's pattern (its first variable is the key), or null
 * @param field    the answer's JSON field or pointer, or null
 */
record EntityKey(String entity, StickyKey request, PathPattern location, String field) {

    static EntityKey parse(String spec) {
        int equals = spec.indexOf('=');
        String entity = spec.substring(0, equals);
        String source = spec.substring(equals + 1);
        if (source.startsWith("location:")) {
            return new EntityKey(entity, null, PathPatternParser.defaultInstance.parse(source.substring(9)), null);
        }
        if (source.startsWith("response-json:")) {
            String field = source.substring(14);
            return new EntityKey(entity, null, null, field.startsWith("/") ? field : "/" + field);
        }
        return new EntityKey(entity, StickyKey.parse(source), null, null);
    }

    boolean ofRequest() {
        return request != null;
    }

    boolean ofResponseBody() {
        return field != null;
    }

    /** {@code entity:value} for this request, or null when it does not name the entity there. */
    String inRequest(ServerHttpRequest http, Supplier<JsonNode> body) {
        return named(request.valueIn(http, body));
    }

    /** {@code entity:value} in a write's answer, or null. */
    String inResponse(HttpHeaders headers, JsonNode body) {
        if (location != null) {
            URI uri = headers.getLocation();
            if (uri == null || uri.getPath() == null) {
                return null;
            }
            PathPattern.PathMatchInfo match = location.matchAndExtract(PathContainer.parsePath(uri.getPath()));
            Map<String, String> variables = match == null ? Map.of() : match.getUriVariables();
            return variables.isEmpty() ? null : named(variables.values().iterator().next());
        }
        JsonNode value = body == null ? null : body.at(field);
        return value == null || value.isMissingNode() || value.isNull() || value.isContainer() ? null
                : named(value.asString());
    }

    private String named(String value) {
        return value == null || value.isEmpty() ? null : entity + ":" + value;
    }
}
