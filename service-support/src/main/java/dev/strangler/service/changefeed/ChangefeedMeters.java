package dev.strangler.service.changefeed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per replicated table: records received from the change feed, rows written (the newest change of a row that was
 * newer than what the table had), and records dead-lettered. The consumers' lag comes with Spring Kafka's own
 * client meters ({@code kafka.consumer.fetch.manager.records.lag.max}).
 */
public final class ChangefeedMeters {

    private final MeterRegistry registry;
    private final Map<String, Counter> received = new ConcurrentHashMap<>();
    private final Map<String, Counter> applied = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLettered = new ConcurrentHashMap<>();

    public ChangefeedMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void received(String table, int records) {
        counter(received, "kit.changefeed.received", "change events read from the feed", table).increment(records);
        // All three exist from a table's first batch, at zero: an alert on dead letters needs the series before any.
        counter(applied, "kit.changefeed.applied", "rows written, newer than what the table had", table);
        counter(deadLettered, "kit.changefeed.dead.lettered", "change events sent to the dead-letter topic", table);
    }

    void applied(String table, int rows) {
        counter(applied, "kit.changefeed.applied", "rows written, newer than what the table had", table)
                .increment(rows);
    }

    void deadLettered(String table) {
        counter(deadLettered, "kit.changefeed.dead.lettered", "change events sent to the dead-letter topic", table)
                .increment();
    }

    private Counter counter(Map<String, Counter> counters, String name, String description, String table) {
        return counters.computeIfAbsent(table, t -> Counter.builder(name).description(description).tag("table", t)
                .register(registry));
    }
}
