package dev.strangler.proxy.route;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The configured routes by name, in table order. Names are unique: they key the toggle log and the admin API. */
@Component
public class RouteTable {

    private final Map<String, RouteProperties> routes = new LinkedHashMap<>();

    public RouteTable(ProxyProperties properties) {
        for (RouteProperties route : properties.routes()) {
            if (routes.put(route.name(), route) != null) {
                throw new IllegalStateException("strangler.proxy.routes: the route name '" + route.name()
                        + "' is used twice; names key the toggle log and must be unique");
            }
        }
    }

    public List<RouteProperties> all() {
        return List.copyOf(routes.values());
    }

    public Optional<RouteProperties> find(String name) {
        return Optional.ofNullable(routes.get(name));
    }

    public RouteProperties get(String name) {
        RouteProperties route = routes.get(name);
        if (route == null) {
            throw new IllegalStateException("No route named '" + name + "' in strangler.proxy.routes");
        }
        return route;
    }
}
