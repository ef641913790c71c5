package dev.strangler.proxy.route;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where one side of a route sends its requests, as written in {@code legacy-uri} or {@code extracted-uri}:
 * <ul>
 *   <li>one URL: the common case and the proxy's fast path (no balancing, no lookup per request);</li>
 *   <li>a comma-separated static list of instance URLs, balanced by the proxy;</li>
 *   <li>{@code lb://SERVICE-ID}: the instances Spring Cloud LoadBalancer supplies for that service from the discovery
 *       client on the class path (its health checks included when configured), balanced by the proxy.</li>
 * </ul>
 * Only the scheme, host and port of a URL count: the request's own path and query are sent on, as for one URL.
 * Two sides written the same way are the same backend (read-your-writes relies on that).
 *
 * @param instances the URL, or the URLs of a static list; empty for a discovered service
 * @param serviceId the discovered service's id, or null
 */
public record SideTarget(List<URI> instances, String serviceId) {

    private static final String LB = "lb";

    public SideTarget {
        instances = List.copyOf(instances);
    }

    /**
     * Reads the setting; null when it is blank (a side that is not there). Spring's conversion calls this when it
     * binds the route table, so a bad value fails start-up with the property's name.
     */
    public static SideTarget of(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<String> parts = List.of(text.split(","));
        if (parts.size() == 1) {
            URI uri = parse(parts.get(0).trim());
            return LB.equalsIgnoreCase(uri.getScheme()) ? new SideTarget(List.of(), uri.getHost())
                    : new SideTarget(List.of(uri), null);
        }
        Set<URI> instances = new LinkedHashSet<>();
        for (String part : parts) {
            URI uri = parse(part.trim());
            if (LB.equalsIgnoreCase(uri.getScheme())) {
                throw new IllegalArgumentException("'" + part.trim() + "' cannot be part of a list: a side is one URL, "
                        + "a comma-separated list of instance URLs, or one lb://SERVICE-ID");
            }
            if (!instances.add(uri)) {
                throw new IllegalArgumentException("the instance " + uri + " is listed twice");
            }
        }
        return new SideTarget(new ArrayList<>(instances), null);
    }

    private static URI parse(String text) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a URL: " + e.getMessage(), e);
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + text + "' needs a scheme and a host name (a service id after "
                    + "lb:// must be a valid host name: letters, digits, '-' and '.'), e.g. http://10.0.0.5:8082 or "
                    + "lb://member-service");
        }
        return uri;
    }

    /** Whether requests are balanced over instances (a list or a discovered service) rather than sent to one URL. */
    public boolean pooled() {
        return serviceId != null || instances.size() > 1;
    }

    /** The URL the gateway's route carries: the one URL, the first of a list, or {@code lb://SERVICE-ID}. */
    public URI uri() {
        return serviceId != null ? URI.create(LB + "://" + serviceId) : instances.get(0);
    }

    /** As it would be written in the route table, e.g. in the admin API. */
    @Override
    public String toString() {
        return serviceId != null ? LB + "://" + serviceId
                : String.join(",", instances.stream().map(URI::toString).toList());
    }
}
