package dev.strangler.service.changefeed;

import java.util.List;

/** What a service tells the shared change-feed wiring: its topics, their dead-letter names, and batch sizes. */
public interface ChangefeedTopics {

    /** The legacy change topics the service consumes (written by the CDC bridge). */
    List<String> topics();

    /** Where a topic's unreadable events go. */
    String deadLetterTopic(String topic);

    /**
     * Partitions of the topics the service creates when they are missing: the CDC bridge's
     * {@code kit.cdc.topics.partitions} (the kit's services read both from {@code KIT_CHANGE_TOPIC_PARTITIONS}). An
     * existing topic is never changed; its count caps the instances of a consumer group that receive anything.
     */
    int partitions();

    /** Rows per set-wise statement of a batch: bounds the statements, whatever a poll returns. */
    int chunkSize();
}
