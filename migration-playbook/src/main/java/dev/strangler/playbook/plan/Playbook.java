package dev.strangler.playbook.plan;

import java.util.List;
import java.util.Map;

/**
 * A migration written down: where the kit's parts are, and the ordered steps, each gated on evidence and
 * reversible. Everything monolith-specific (routes, tables, services) is named here, not in the kit's code.
 *
 * @param name      the playbook's name; its progress and journal are kept under it
 * @param endpoints where the proxy's admin API, the CDC bridge and the services' admin APIs are
 * @param steps     the steps, in order
 */
public record Playbook(String name, Endpoints endpoints, List<Step> steps) {

    /**
     * @param proxy      the proxy's traffic port, where the scenario suite goes (optional)
     * @param proxyAdmin the proxy's admin API
     * @param cdcBridge  the CDC bridge's operations API
     * @param services   each extracted service's base URL, by the name steps use
     */
    public record Endpoints(String proxy, String proxyAdmin, String cdcBridge, Map<String, String> services) {

        public Endpoints {
            services = services == null ? Map.of() : Map.copyOf(services);
        }
    }

    public Step step(String id) {
        return steps.stream().filter(step -> step.id().equals(id)).findFirst().orElse(null);
    }

    /** Whether {@code service} is one of {@code endpoints.services}. */
    public boolean hasService(String service) {
        return service != null && endpoints != null && endpoints.services().containsKey(service);
    }
}
