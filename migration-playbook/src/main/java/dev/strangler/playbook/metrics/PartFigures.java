package dev.strangler.playbook.metrics;

import java.util.Locale;

/**
 * Each part's key figures in one line, from its Prometheus meters (the ones the dashboard charts): what
 * {@code kit status} prints beside the table.
 */
public final class PartFigures {

    private PartFigures() {
    }

    public static String describe(String part, PrometheusScrape scrape) {
        return switch (part) {
            case "strangler-proxy" -> proxy(scrape);
            case "cdc-bridge" -> bridge(scrape);
            case "extracted-member-service", "extracted-order-service" -> service(scrape);
            default -> http(scrape);
        };
    }

    private static String proxy(PrometheusScrape scrape) {
        String requests = "strangler_proxy_requests_seconds_count";
        double total = scrape.sum(requests);
        return String.format(Locale.ROOT, "%,.0f requests, %s 5xx, %,.0f extracted, %,.0f fallbacks; %,.0f writes "
                        + "held", total, percent(scrape.sum(requests, l -> "5xx".equals(l.get("outcome"))), total),
                scrape.sum(requests, l -> "extracted".equals(l.get("side"))),
                scrape.sum(requests, l -> "fallback".equals(l.get("side"))),
                scrape.sum("strangler_proxy_writes_held_total"));
    }

    private static String bridge(PrometheusScrape scrape) {
        return String.format(Locale.ROOT, "%,.0f change events, worst lag %,.0f ms, %,.0f outbox events relayed, "
                        + "%,.0f reverse-applied; engines up %.0f of 3",
                scrape.sum("kit_cdc_events_total"), scrape.max("kit_cdc_lag_milliseconds").orElse(0.0),
                scrape.sum("kit_cdc_outbox_published_total"), scrape.sum("kit_cdc_reverse_applied_total"),
                scrape.sum("kit_cdc_engine_up"));
    }

    private static String service(PrometheusScrape scrape) {
        return String.format(Locale.ROOT, "%,.0f rows applied from the change feed, %,.0f dead-lettered, consumer "
                        + "lag %,.0f; %s", scrape.sum("kit_changefeed_applied_total"),
                scrape.sum("kit_changefeed_dead_lettered_total"),
                scrape.max("kafka_consumer_fetch_manager_records_lag_max").orElse(0.0), http(scrape));
    }

    private static String http(PrometheusScrape scrape) {
        String requests = "http_server_requests_seconds_count";
        double total = scrape.sum(requests);
        return String.format(Locale.ROOT, "%,.0f HTTP requests, %s 5xx", total,
                percent(scrape.sum(requests, l -> l.getOrDefault("status", "").startsWith("5")), total));
    }

    private static String percent(double part, double total) {
        return total == 0 ? "0 %" : String.format(Locale.ROOT, "%.2f %%", 100 * part / total);
    }
}
