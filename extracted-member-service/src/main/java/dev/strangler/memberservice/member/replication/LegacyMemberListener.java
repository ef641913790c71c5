package dev.strangler.memberservice.member.replication;

import dev.strangler.service.changefeed.ChangeBatchApplier;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes TB_MEMBER changes a poll at a time. The container commits the batch's offsets after {@code apply}
 * returns, that is after its database transaction committed: a crash in between replays the batch, and the version
 * guard makes that a no-op.
 */
@Component
class LegacyMemberListener {

    private final ChangeBatchApplier batches;
    private final LegacyMemberReplicator replicator;

    LegacyMemberListener(ChangeBatchApplier batches, LegacyMemberReplicator replicator) {
        this.batches = batches;
        this.replicator = replicator;
    }

    @KafkaListener(id = "legacy-member", groupId = "${spring.kafka.consumer.group-id}.legacy-member",
            topics = "${kit.member.changefeed.member-topic}", batch = "true")
    void on(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer) {
        batches.apply(records, consumer, replicator);
    }
}
