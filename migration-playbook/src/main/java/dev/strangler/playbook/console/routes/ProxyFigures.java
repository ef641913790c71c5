package dev.strangler.playbook.console.routes;

import dev.strangler.playbook.metrics.PrometheusScrape;
import java.util.Locale;

/** The proxy's request meters, for each route's error rate per side. */
record ProxyFigures(PrometheusScrape scrape) {

    private static final String REQUESTS = "strangler_proxy_requests_seconds_count";

    static ProxyFigures none() {
        return new ProxyFigures(PrometheusScrape.parse(""));
    }

    /** The share of the route's requests answered by {@code side} that were 5xx, or "–" when it answered none. */
    String errorRate(String route, String side) {
        double total = scrape.sum(REQUESTS, labels -> route.equals(labels.get("route")) && side.equals(labels.get("side")));
        if (total == 0) {
            return "–";
        }
        double errors = scrape.sum(REQUESTS, labels -> route.equals(labels.get("route"))
                && side.equals(labels.get("side")) && "5xx".equals(labels.get("outcome")));
        return String.format(Locale.ROOT, "%.2f %% of %,.0f", 100 * errors / total, total);
    }
}
