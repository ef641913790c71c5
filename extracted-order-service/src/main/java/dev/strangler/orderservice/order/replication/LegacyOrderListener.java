package dev.strangler.orderservice.order.replication;

import dev.strangler.orderservice.changefeed.ChangeEventParser;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes TB_ORDER and TB_ORDER_ITEM changes. The two topics are independent, so a line may land before its
 * order; reads show an order with the lines that have arrived. Offsets are committed after each transaction.
 */
@Component
class LegacyOrderListener {

    private final ChangeEventParser parser;
    private final LegacyOrderReplicator replicator;

    LegacyOrderListener(ChangeEventParser parser, LegacyOrderReplicator replicator) {
        this.parser = parser;
        this.replicator = replicator;
    }

    @KafkaListener(id = "legacy-order", topics = "${kit.order.changefeed.order-topic}")
    void onOrder(ConsumerRecord<String, String> record) {
        parser.parse(record).ifPresent(replicator::applyOrder);
    }

    @KafkaListener(id = "legacy-order-item", topics = "${kit.order.changefeed.order-item-topic}")
    void onItem(ConsumerRecord<String, String> record) {
        parser.parse(record).ifPresent(replicator::applyItem);
    }
}
