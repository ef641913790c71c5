package dev.strangler.proxy.routing;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpCookie;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.JsonNode;

/**
 * One place in a request a key can come from ({@code header:}, {@code cookie:}, {@code query:}, {@code path:} or
 * {@code json:}): a canary's sticky key, or an entity a request names for read-your-writes.
 */
public record StickyKey(Kind kind, String name, PathPattern pattern) {

    public enum Kind { HEADER, COOKIE, QUERY, PATH, JSON }

    public static StickyKey parse(String spec) {
        int colon = spec.indexOf(':');
        Kind kind = Kind.valueOf(spec.substring(0, colon).toUpperCase(java.util.Locale.ROOT));
        String value = spec.substring(colon + 1);
        if (kind == Kind.PATH) {
            PathPattern pattern = PathPatternParser.defaultInstance.parse(value);
            String variable = value.substring(value.indexOf('{') + 1, value.indexOf('}'));
            return new StickyKey(kind, variable.replace("*", ""), pattern);
        }
        if (kind == Kind.JSON && !value.startsWith("/")) {
            value = "/" + value;
        }
        return new StickyKey(kind, value, null);
    }

    static List<StickyKey> parseAll(List<String> specs) {
        return specs.stream().map(StickyKey::parse).toList();
    }

    /** The key's value in this request, or null when it is not there. */
    public String valueIn(ServerHttpRequest request, Supplier<JsonNode> jsonBody) {
        return switch (kind) {
            case HEADER -> request.getHeaders().getFirst(name);
            case QUERY -> request.getQueryParams().getFirst(name);
            case COOKIE -> {
                HttpCookie cookie = request.getCookies().getFirst(name);
                yield cookie == null ? null : cookie.getValue();
            }
            case PATH -> {
                PathPattern.PathMatchInfo match = pattern.matchAndExtract(
                        PathContainer.parsePath(request.getPath().pathWithinApplication().value()));
                Map<String, String> variables = match == null ? Map.of() : match.getUriVariables();
                yield variables.get(name);
            }
            case JSON -> {
                JsonNode body = jsonBody.get();
                JsonNode value = body == null ? null : body.at(name);
                yield value == null || value.isMissingNode() || value.isNull() || value.isContainer() ? null
                        : value.asString();
            }
        };
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + (pattern != null ? pattern : name);
    }
}
