package dev.strangler.proxy.tracing;

import dev.strangler.proxy.routing.RoutingDecision;
import dev.strangler.proxy.routing.Side;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import org.springframework.cloud.gateway.filter.headers.observation.GatewayContext;
import org.springframework.stereotype.Component;

/**
 * Names the migration in the span of each proxied request (the gateway's observation, on while tracing is): the
 * route, its mode when the request arrived, and the side that answered ({@code fallback} when the monolith answered
 * after the extracted side failed).
 */
@Component
class RouteSpanTags implements ObservationFilter {

    @Override
    public Observation.Context map(Observation.Context context) {
        if (context instanceof GatewayContext gateway) {
            RoutingDecision decision = gateway.getServerWebExchange().getAttribute(RoutingDecision.ATTRIBUTE);
            Side servedBy = gateway.getServerWebExchange().getAttribute(RoutingDecision.SERVED_BY_ATTRIBUTE);
            if (decision != null) {
                context.addLowCardinalityKeyValue(KeyValue.of("strangler.route", decision.route().name()));
                context.addLowCardinalityKeyValue(KeyValue.of("strangler.mode", decision.mode().name()));
                context.addLowCardinalityKeyValue(KeyValue.of("strangler.side",
                        decision.side() == Side.EXTRACTED && servedBy == Side.LEGACY ? "fallback"
                                : servedBy == null ? decision.side().label() : servedBy.label()));
            }
        }
        return context;
    }
}
