package dev.strangler.orderservice.replica;

import dev.strangler.orderservice.changefeed.ChangeEventParser;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes TB_MEMBER and TB_PRODUCT changes into the replicas. The container commits each offset after the
 * record's transaction, so a crash replays at most the record in flight, which the version guard makes a no-op.
 */
@Component
class ReplicaListener {

    private final ChangeEventParser parser;
    private final ReplicaReplicator replicator;

    ReplicaListener(ChangeEventParser parser, ReplicaReplicator replicator) {
        this.parser = parser;
        this.replicator = replicator;
    }

    @KafkaListener(id = "legacy-member-replica", topics = "${kit.order.changefeed.member-topic}")
    void onMember(ConsumerRecord<String, String> record) {
        parser.parse(record).ifPresent(replicator::applyMember);
    }

    @KafkaListener(id = "legacy-product-replica", topics = "${kit.order.changefeed.product-topic}")
    void onProduct(ConsumerRecord<String, String> record) {
        parser.parse(record).ifPresent(replicator::applyProduct);
    }
}
