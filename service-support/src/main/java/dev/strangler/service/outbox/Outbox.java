package dev.strangler.service.outbox;

import java.util.UUID;
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

    Outbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Appends the event and returns its id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID append(OutboxEvent event) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO OUTBOX_EVENT (id, aggregatetype, aggregateid, type, payload)
                VALUES (:id, :aggregateType, :aggregateId, :type, :payload)""")
                .param("id", id.toString())
                .param("aggregateType", event.aggregateType())
                .param("aggregateId", event.aggregateId())
                .param("type", event.type())
                .param("payload", json.writeValueAsString(event.payload()))
                .update();
        return id;
    }
}
