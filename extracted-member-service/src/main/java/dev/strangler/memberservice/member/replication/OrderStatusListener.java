package dev.strangler.memberservice.member.replication;

import dev.strangler.service.changefeed.ChangeBatchApplier;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes TB_ORDER changes for the open-order count; offsets are committed after each batch's transaction. */
@Component
class LegacyOrderStatusListener {

    private final ChangeBatchApplier batches;
    private final LegacyOrderStatusReplicator replicator;

    LegacyOrderStatusListener(ChangeBatchApplier batches, LegacyOrderStatusReplicator replicator) {
        this.batches = batches;
        this.replicator = replicator;
    }

    @KafkaListener(id = "legacy-order-status", topics = "${kit.member.changefeed.order-topic}", batch = "true")
    void on(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer) {
        batches.apply(records, consumer, replicator);
    }
}
