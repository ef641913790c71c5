package dev.strangler.cdc.reverse;

import dev.strangler.cdc.reverse.ReverseProperties.AggregateMapping;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Applies outbox inserts to the legacy tables, each event in one transaction that first writes the echo marker
 * (so the forward path drops the resulting binlog changes) and then the rows. The marker's unique event id makes a
 * replayed event a no-op. The position advances only after the transaction committed.
 */
final class ReverseApplier implements DebeziumEngine.ChangeConsumer<ChangeEvent<String, String>> {

    private static final Logger log = LoggerFactory.getLogger(ReverseApplier.class);

    private final Map<String, AggregateMapping> mappings;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final LegacyRowWriter writer;
    private final String echoMarkerTable;
    private final ObjectMapper json;
    private final ReverseStatistics statistics;

    ReverseApplier(List<AggregateMapping> mappings, JdbcTemplate jdbc, TransactionTemplate transactions,
                   String echoMarkerTable, ObjectMapper json, ReverseStatistics statistics) {
        this.mappings = mappings.stream().collect(Collectors.toUnmodifiableMap(AggregateMapping::aggregateType,
                Function.identity()));
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.writer = new LegacyRowWriter(jdbc);
        this.echoMarkerTable = echoMarkerTable;
        this.json = json;
        this.statistics = statistics;
    }

    @Override
    public void handleBatch(List<ChangeEvent<String, String>> records,
                            DebeziumEngine.RecordCommitter<ChangeEvent<String, String>> committer)
            throws InterruptedException {
        for (ChangeEvent<String, String> record : records) {
            if (record.value() != null) {
                apply(json.readTree(record.value()));
            }
            committer.markProcessed(record);
        }
        committer.markBatchFinished();
    }

    private void apply(JsonNode change) {
        String op = change.path("op").asString("");
        if (!op.equals("c") && !op.equals("r")) {
            return; // services may update or purge sent outbox rows; only new events carry changes
        }
        OutboxEvent event;
        try {
            event = read(change.path("after"));
        } catch (RuntimeException e) {
            statistics.unreadable("(unparseable)", e.getMessage());
            return;
        }
        AggregateMapping mapping = mappings.get(event.aggregateType());
        if (mapping == null) {
            statistics.unmapped(event);
            return;
        }
        try {
            boolean applied = Boolean.TRUE.equals(transactions.execute(status -> {
                try {
                    jdbc.update("INSERT INTO " + echoMarkerTable + " (SOURCE_EVENT_ID) VALUES (?)", event.id());
                } catch (DuplicateKeyException alreadyApplied) {
                    return false;
                }
                writer.write(mapping, event);
                return true;
            }));
            statistics.recorded(event, applied);
        } catch (UnreadableEventException e) {
            log.error("Outbox event {} ({}) cannot be applied to {}: {}", event.id(), event.type(), mapping.table(),
                    e.getMessage());
            statistics.unreadable(event.id(), e.getMessage());
        }
    }

    private OutboxEvent read(JsonNode row) {
        JsonNode payload = row.path("payload");
        return new OutboxEvent(row.path("id").asString(), row.path("aggregatetype").asString(),
                row.path("aggregateid").asString(), row.path("type").asString(),
                payload.isString() ? json.readTree(payload.asString()) : payload);
    }
}
