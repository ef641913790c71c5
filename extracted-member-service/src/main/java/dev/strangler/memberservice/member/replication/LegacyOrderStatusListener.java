package dev.strangler.memberservice.member.replication;

import dev.strangler.memberservice.changefeed.ChangeEventParser;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes TB_ORDER changes for the open-order count; offsets are committed after each transaction. */
@Component
class LegacyOrderStatusListener {

    private final ChangeEventParser parser;
    private final LegacyOrderStatusReplicator replicator;

    LegacyOrderStatusListener(ChangeEventParser parser, LegacyOrderStatusReplicator replicator) {
        this.parser = parser;
        this.replicator = replicator;
    }

    @KafkaListener(id = "legacy-order-status", topics = "${kit.member.changefeed.order-topic}")
    void on(ConsumerRecord<String, String> record) {
        parser.parse(record).ifPresent(replicator::apply);
    }
}
