package dev.strangler.playbook.remote;

import dev.strangler.playbook.KitException;
import dev.strangler.playbook.plan.Playbook;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The parts a playbook talks to, through their APIs: the proxy's routes, the CDC bridge, the services' ownership; each
 * with the kit's operator token.
 */
public final class KitParts {

    private final JsonHttp proxy;
    private final JsonHttp bridge;
    private final Map<String, JsonHttp> services = new LinkedHashMap<>();

    public KitParts(Playbook.Endpoints endpoints, String adminToken) {
        this.proxy = new JsonHttp("the proxy's admin API", endpoints.proxyAdmin(), adminToken);
        this.bridge = new JsonHttp("the CDC bridge", endpoints.cdcBridge(), adminToken);
        endpoints.services().forEach((name, url) -> services.put(name, new JsonHttp("the " + name + " service", url, adminToken)));
    }

    public JsonNode route(String route) {
        return proxy.get("/admin/routes/" + route);
    }

    public JsonNode routes() {
        return proxy.get("/admin/routes");
    }

    /**
     * Flips unless the route already is there (and its writes are not held), so a step interrupted after its flip
     * can run again. A flip releases held writes.
     */
    public JsonNode flip(String route, String mode, Double percent, String reason) {
        JsonNode current = route(route);
        boolean samePercent = percent == null || Math.abs(current.path("percent").asDouble() - percent) < 1e-9;
        boolean held = current.hasNonNull("writesHeld");
        if (current.path("mode").asString().equals(mode) && samePercent && !held) {
            return current;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mode", mode);
        if (percent != null) {
            body.put("percent", percent);
        }
        body.put("reason", reason);
        body.put("by", "kit playbook");
        return proxy.post("/admin/routes/" + route + "/flips", body);
    }

    /** Holds the route's writes; answers once the writes in flight have finished. */
    public JsonNode holdWrites(String route, String reason) {
        return proxy.post("/admin/routes/" + route + "/flips",
                Map.of("holdWrites", true, "reason", reason, "by", "kit playbook"));
    }

    /**
     * A CDC barrier: returns once every consumer has applied every change committed before the call, with how long
     * that took; throws, naming who lags, when they have not within {@code within}.
     */
    public Map<String, Object> drain(Duration within) {
        JsonNode barrier = bridge.post("/cdc/barriers?wait=" + within.toMillis() + "ms", Map.of());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("drained in ms", barrier.path("tookMillis").asLong());
        figures.put("consumer groups", barrier.path("groups").size());
        return figures;
    }

    public JsonNode parity(String route) {
        return proxy.get("/admin/routes/" + route + "/parity");
    }

    public JsonNode cdcStatus() {
        return bridge.get("/cdc/status");
    }

    public JsonNode reversePath(boolean enabled, String reason) {
        return bridge.put("/cdc/reverse", Map.of("enabled", enabled, "reason", reason));
    }

    public JsonNode ownership(String service) {
        return service(service).get("/admin/ownership");
    }

    public JsonNode setOwnership(String service, String mode, String reason) {
        return service(service).put("/admin/ownership", Map.of("mode", mode, "reason", reason));
    }

    private JsonHttp service(String name) {
        JsonHttp service = services.get(name);
        if (service == null) {
            throw KitException.configuration("no service '" + name + "' under endpoints.services");
        }
        return service;
    }
}
