package dev.strangler.proxy.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem response straight to the exchange, for errors raised outside any controller. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, JsonMapper json) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = json.writeValueAsBytes(asMap(problem));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /** RFC 9457 members first, then the extension members, flat (as the RFC wants them). */
    static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", problem.getType());
        map.put("title", problem.getTitle());
        map.put("status", problem.getStatus());
        map.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            map.put("instance", problem.getInstance());
        }
        if (problem.getProperties() != null) {
            map.putAll(problem.getProperties());
        }
        return map;
    }
}
