package dev.strangler.orderservice.order.replication;

import dev.strangler.service.changefeed.ChangeBatchApplier;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes TB_ORDER and TB_ORDER_ITEM changes a poll at a time. The two topics are independent, so a line may land
 * before its order; reads show an order with the lines that have arrived. Offsets are committed after each batch's
 * transaction.
 */
@Component
class LegacyOrderListener {

    private final ChangeBatchApplier batches;
    private final LegacyOrderReplicator orders;
    private final LegacyOrderItemReplicator items;

    LegacyOrderListener(ChangeBatchApplier batches, LegacyOrderReplicator orders, LegacyOrderItemReplicator items) {
        this.batches = batches;
        this.orders = orders;
        this.items = items;
    }

    @KafkaListener(id = "legacy-order", groupId = "${spring.kafka.consumer.group-id}.legacy-order",
            topics = "${kit.order.changefeed.order-topic}", batch = "true")
    void onOrder(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer) {
        batches.apply(records, consumer, orders);
    }

    @KafkaListener(id = "legacy-order-item", groupId = "${spring.kafka.consumer.group-id}.legacy-order-item",
            topics = "${kit.order.changefeed.order-item-topic}", batch = "true")
    void onItem(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer) {
        batches.apply(records, consumer, items);
    }
}
