package dev.strangler.proxy.routing;

import dev.strangler.proxy.route.Mode;
import dev.strangler.proxy.route.RouteProperties;

/**
 * The side chosen for one request, decided once when the request is routed: a flip during the request changes
 * nothing for it, so a request in flight finishes on the side it started on.
 *
 * @param route the route that matched
 * @param mode  the route's mode when the request arrived
 * @param side  where it was sent first (a fallback may still move a safe request to legacy)
 */
public record RoutingDecision(RouteProperties route, Mode mode, Side side) {

    public static final String ATTRIBUTE = RoutingDecision.class.getName();

    /** The side that finally served (differs from {@link #side} after a fallback). */
    public static final String SERVED_BY_ATTRIBUTE = RoutingDecision.class.getName() + ".servedBy";
}
