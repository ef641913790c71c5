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
    private final Map<String, TableMeters> tables = new ConcurrentHashMap<>();

    public ChangefeedMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void received(String table, int records) {
        meters(table).received().increment(records);
    }

    void applied(String table, int rows) {
        meters(table).applied().increment(rows);
    }

    void deadLettered(String table) {
        meters(table).deadLettered().increment();
    }

    /** All three exist from a table's first batch, at zero: an alert on dead letters needs the series before any. */
    private TableMeters meters(String table) {
        return tables.computeIfAbsent(table, name -> new TableMeters(
                counter("kit.changefeed.received", "change events read from the feed", name),
                counter("kit.changefeed.applied", "rows written, newer than what the table had", name),
                counter("kit.changefeed.dead.lettered", "change events sent to the dead-letter topic", name)));
    }

    private Counter counter(String name, String description, String table) {
        return Counter.builder(name).description(description).tag("table", table).register(registry);
    }

    private record TableMeters(Counter received, Counter applied, Counter deadLettered) {
    }
}
