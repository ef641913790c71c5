package dev.strangler.playbook.console.data;

import dev.strangler.playbook.metrics.PrometheusScrape;

/**
 * An extracted service's change-feed figures from its meters.
 *
 * @param service      the service
 * @param reachable    whether its metrics answered
 * @param applied      rows applied from the change feed
 * @param consumerLag  the largest lag, in records, of its change-feed consumers
 * @param deadLettered records it gave up on (see {@code kit dlt list})
 */
public record ServiceFigures(String service, boolean reachable, long applied, long consumerLag, long deadLettered) {

    static ServiceFigures of(String service, String baseUrl) {
        return PrometheusScrape.of(baseUrl + "/actuator/prometheus")
                .map(scrape -> new ServiceFigures(service, true, (long) scrape.sum("kit_changefeed_applied_total"),
                        scrape.max("kafka_consumer_fetch_manager_records_lag_max").orElse(0.0).longValue(),
                        (long) scrape.sum("kit_changefeed_dead_lettered_total")))
                .orElse(new ServiceFigures(service, false, 0, 0, 0));
    }
}
