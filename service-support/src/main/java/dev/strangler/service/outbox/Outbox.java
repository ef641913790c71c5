package dev.strangler.service.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * OUTBOX_EVENT. Written only inside the transaction of the business change (MANDATORY): the change and its event
 * commit together or not at all. The CDC bridge reads them from the binlog in commit order and publishes each to
 * {@code outbox.event.<aggregate type>}, for the other services that keep a copy and for its reverse path.
 */
@Repository
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ObjectProvider<Tracer> tracer;

    Outbox(JdbcClient jdbc, JsonMapper json, ObjectProvider<Tracer> tracer) {
        this.jdbc = jdbc;
        this.json = json;
        this.tracer = tracer;
    }

    /** Appends the event and returns its id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID append(OutboxEvent event) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO OUTBOX_EVENT (id, aggregatetype, aggregateid, type, payload, traceparent)
                VALUES (:id, :aggregateType, :aggregateId, :type, :payload, :traceparent)""")
                .param("id", id.toString())
                .param("aggregateType", event.aggregateType())
                .param("aggregateId", event.aggregateId())
                .param("type", event.type())
                .param("payload", json.writeValueAsString(event.payload()))
                .param("traceparent", traceparent())
                .update();
        return id;
    }

    /** The current span as a W3C traceparent, or null when tracing is off or nothing is traced. */
    private String traceparent() {
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        if (span == null || span.isNoop()) {
            return null;
        }
        TraceContext context = span.context();
        return "00-" + context.traceId() + "-" + context.spanId() + "-"
                + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
    }
}
