package dev.strangler.proxy.web;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Puts the request id and traceparent that {@link RequestIdentityFilter} made up into the headers sent to the side
 * that serves and to the mirror (both build them through the gateway's header filters). Last of those filters, it
 * writes into the copy an earlier one already made, and copies only when none did.
 */
@Component
class RequestIdentityHeadersFilter implements HttpHeadersFilter, Ordered {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        RequestIdentityFilter.Identity identity = exchange.getAttribute(RequestIdentityFilter.IDENTITY_ATTRIBUTE);
        if (identity == null) {
            return input;
        }
        HttpHeaders headers = input == exchange.getRequest().getHeaders() ? HttpHeaders.copyOf(input) : input;
        headers.set(RequestIdentityFilter.REQUEST_ID, identity.requestId());
        headers.set(RequestIdentityFilter.TRACEPARENT, identity.traceparent());
        return headers;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
