package dev.strangler.proxy.shadow;

import dev.strangler.proxy.route.ProxyProperties;
import dev.strangler.proxy.route.RouteTable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Shadow comparison tallies of every route on this instance, for the admin API. */
@Component
public class ParityLedger {

    private final Map<String, RouteParity> routes = new ConcurrentHashMap<>();
    private final RouteTable table;
    private final ProxyProperties.ShadowSettings settings;

    ParityLedger(RouteTable table, ProxyProperties properties) {
        this.table = table;
        this.settings = properties.shadow();
    }

    RouteParity of(String route) {
        return routes.computeIfAbsent(route,
                name -> new RouteParity(settings.signaturesKept(), settings.examplesPerGroup()));
    }

    public ParityReport report(String route) {
        table.get(route);
        return of(route).report(route);
    }
}
