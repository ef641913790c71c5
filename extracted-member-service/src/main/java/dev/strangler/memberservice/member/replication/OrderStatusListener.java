package dev.strangler.memberservice.member.replication;

import dev.strangler.service.changefeed.ChangeBatchApplier;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the orders' member and status for the open-order rule: TB_ORDER's changes, and the order service's
 * events, which carry them once that service owns order writes. Both go through one version guard, so the rule
 * follows the order write cut-over and its rollback with no gap. Offsets are committed after each batch's
 * transaction.
 */
@Component
class OrderStatusListener {

    private final ChangeBatchApplier batches;
    private final OrderStatusReplicator replicator;

    OrderStatusListener(ChangeBatchApplier batches, OrderStatusReplicator replicator) {
        this.batches = batches;
        this.replicator = replicator;
    }

    @KafkaListener(id = "legacy-order-status", groupId = "${spring.kafka.consumer.group-id}.legacy-order-status",
            topics = "${kit.member.changefeed.order-topic}", batch = "true")
    void on(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer) {
        batches.apply(records, consumer, replicator);
    }

    @KafkaListener(id = "order-events-status", groupId = "${spring.kafka.consumer.group-id}.order-events-status",
            topics = "${kit.member.changefeed.order-events-topic}", batch = "true")
    void onOrderEvents(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer) {
        batches.applyDomainEvents(records, consumer, replicator);
    }
}
