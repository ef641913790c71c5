package dev.strangler.orderservice.replica;

import dev.strangler.service.changefeed.ChangeBatchApplier;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes TB_MEMBER and TB_PRODUCT changes into the replicas, a poll at a time, and the member service's own
 * events, which carry the members' changes once that service owns member writes (before, there are none). Both
 * member feeds go through one version guard, so the replica keeps the newest state whichever feed brought it and
 * follows the member write cut-over, and its rollback, with no gap. The container commits the batch's
 * offsets after its transaction, so a crash replays at most the batch in flight, which the version guard makes a
 * no-op.
 */
@Component
class ReplicaListener {

    private final ChangeBatchApplier batches;
    private final MemberReplicaReplicator members;
    private final ProductReplicaReplicator products;

    ReplicaListener(ChangeBatchApplier batches, MemberReplicaReplicator members, ProductReplicaReplicator products) {
        this.batches = batches;
        this.members = members;
        this.products = products;
    }

    @KafkaListener(id = "legacy-member-replica", groupId = "${spring.kafka.consumer.group-id}.legacy-member-replica",
            topics = "${kit.order.changefeed.member-topic}", batch = "true")
    void onMember(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer) {
        batches.apply(records, consumer, members);
    }

    @KafkaListener(id = "member-events-replica", groupId = "${spring.kafka.consumer.group-id}.member-events-replica",
            topics = "${kit.order.changefeed.member-events-topic}", batch = "true")
    void onMemberEvents(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer) {
        batches.applyDomainEvents(records, consumer, members);
    }

    @KafkaListener(id = "legacy-product-replica", groupId = "${spring.kafka.consumer.group-id}.legacy-product-replica",
            topics = "${kit.order.changefeed.product-topic}", batch = "true")
    void onProduct(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer) {
        batches.apply(records, consumer, products);
    }
}
