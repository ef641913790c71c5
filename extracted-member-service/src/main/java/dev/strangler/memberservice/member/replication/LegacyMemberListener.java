package dev.strangler.memberservice.member.replication;

import dev.strangler.memberservice.changefeed.ChangeEventParser;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes TB_MEMBER changes. The container commits the offset after {@code apply} returns, that is after the
 * database transaction committed: a crash in between replays the event, and the version guard makes that a no-op.
 */
@Component
class LegacyMemberListener {

    private final ChangeEventParser parser;
    private final LegacyMemberReplicator replicator;

    LegacyMemberListener(ChangeEventParser parser, LegacyMemberReplicator replicator) {
        this.parser = parser;
        this.replicator = replicator;
    }

    @KafkaListener(id = "legacy-member", topics = "${kit.member.changefeed.member-topic}")
    void on(ConsumerRecord<String, String> record) {
        parser.parse(record).ifPresent(replicator::apply);
    }
}
