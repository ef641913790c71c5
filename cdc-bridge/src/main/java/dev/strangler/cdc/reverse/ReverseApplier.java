package dev.strangler.cdc.reverse;

import dev.strangler.cdc.reverse.ReverseProperties.AggregateMapping;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Applies the services' events to the legacy tables, each event in one transaction that first writes the echo
 * marker (so the forward path tags the resulting binlog changes as this event's echo) and then the rows, guarded by
 * the row's version. The marker's unique event id makes a redelivered event a no-op. The container commits the
 * offset only after this returned, so after the transaction committed. A database failure is thrown, so the
 * container retries the event (never skipped); an event that cannot be translated is recorded and skipped, never
 * half-applied.
 */
final class ReverseApplier implements MessageListener<String, String> {

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
    public void onMessage(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        OutboxEvent event;
        try {
            event = read(record);
        } catch (UnreadableEventException | JacksonException e) {
            statistics.unreadable(record.topic() + "@" + record.offset(), e.getMessage());
            return;
        }
        AggregateMapping mapping = mappings.get(event.aggregateType());
        if (mapping == null) {
            statistics.unmapped(event);
            return;
        }
        try {
            ReverseStatistics.Result result = transactions.execute(status -> {
                try {
                    jdbc.update("INSERT INTO " + echoMarkerTable + " (SOURCE_EVENT_ID) VALUES (?)", event.id());
                } catch (DuplicateKeyException alreadyApplied) {
                    return ReverseStatistics.Result.DUPLICATE;
                }
                return writer.write(mapping, event) == LegacyRowWriter.Outcome.APPLIED
                        ? ReverseStatistics.Result.APPLIED : ReverseStatistics.Result.OLDER_THAN_LEGACY;
            });
            statistics.recorded(result);
        } catch (UnreadableEventException e) {
            log.error("Event {} ({}) cannot be applied to {}: {}", event.id(), event.type(), mapping.table(),
                    e.getMessage());
            statistics.unreadable(event.id(), e.getMessage());
        }
    }

    private OutboxEvent read(ConsumerRecord<String, String> record) {
        return new OutboxEvent(header(record, "id"), header(record, "aggregateType"), record.key(),
                header(record, "eventType"), json.readTree(record.value()));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            throw new UnreadableEventException("header '" + name + "' is missing");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
