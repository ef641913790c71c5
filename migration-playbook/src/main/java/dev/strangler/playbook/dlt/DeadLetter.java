package dev.strangler.playbook.dlt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * One record of a dead-letter topic, with what the services' error handler wrote beside it: the topic, partition and
 * offset it came from, the consumer group that gave up on it, and why.
 *
 * @param id         where it is: {@code <dead-letter topic>/<partition>@<offset>}
 * @param time       when it was dead-lettered
 * @param key        the original record's key, or null
 * @param value      the original record's value, or null for a tombstone
 * @param headers    every header as text, binary ones (partition, offset) decoded as numbers
 * @param rawHeaders every header as the broker has it
 */
record DeadLetter(DeadLetterId id, Instant time, byte[] key, byte[] value, Map<String, String> headers,
                  Map<String, byte[]> rawHeaders) {

    static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    static final String CONSUMER_GROUP = "kafka_dlt-original-consumer-group";
    static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
    static final String REASON = "kit-dlt-reason";

    static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, byte[]> rawHeaders = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), text(header.key(), header.value()));
            rawHeaders.put(header.key(), header.value());
        }
        return new DeadLetter(new DeadLetterId(record.topic(), record.partition(), record.offset()),
                Instant.ofEpochMilli(record.timestamp()), record.key(), record.value(), headers, rawHeaders);
    }

    /** The topic to send it back to: the header the error handler wrote, else the dead-letter topic's stem. */
    String originalTopic(String suffix) {
        String original = headers.get(ORIGINAL_TOPIC);
        if (original != null) {
            return original;
        }
        String topic = id.topic();
        return topic.endsWith(suffix) ? topic.substring(0, topic.length() - suffix.length()) : null;
    }

    /** The headers the record had before it was dead-lettered (the error handler's own dropped), as bytes. */
    Map<String, byte[]> originalHeaders() {
        Map<String, byte[]> original = new LinkedHashMap<>();
        rawHeaders.forEach((name, bytes) -> {
            if (!name.startsWith("kafka_dlt-") && !name.equals(REASON) && !name.equals(DeadLetterTopics.REPLAYED_FROM)) {
                original.put(name, bytes);
            }
        });
        return original;
    }

    /** The partition it came from, so a key's records stay in order; null (the key decides) when unknown. */
    Integer originalPartition() {
        String partition = headers.get(ORIGINAL_PARTITION);
        return partition == null || !partition.matches("\\d+") ? null : Integer.valueOf(partition);
    }

    String origin() {
        String topic = headers.getOrDefault(ORIGINAL_TOPIC, "?");
        return topic + "/" + headers.getOrDefault(ORIGINAL_PARTITION, "?") + "@"
                + headers.getOrDefault(ORIGINAL_OFFSET, "?");
    }

    /** Whether it lies below the replay mark of its partition. */
    boolean replayed(Map<TopicPartition, Long> marks) {
        return id.offset() < marks.getOrDefault(new TopicPartition(id.topic(), id.partition()), 0L);
    }

    String keyText() {
        return key == null ? "(none)" : new String(key, StandardCharsets.UTF_8);
    }

    String valueText() {
        return value == null ? "(tombstone)" : new String(value, StandardCharsets.UTF_8);
    }

    String group() {
        return headers.getOrDefault(CONSUMER_GROUP, "?");
    }

    /** The kit's own reason where the service wrote one, else the exception's message. */
    String reason() {
        String reason = headers.getOrDefault(REASON, headers.get(EXCEPTION_MESSAGE));
        return reason == null ? "(no reason recorded)" : reason;
    }

    private static String text(String key, byte[] value) {
        if (value == null) {
            return "";
        }
        // Spring Kafka writes the original partition as an int and the offset and timestamp as longs.
        if (key.equals(ORIGINAL_PARTITION) && value.length == Integer.BYTES) {
            return Integer.toString(ByteBuffer.wrap(value).getInt());
        }
        if ((key.equals(ORIGINAL_OFFSET) || key.equals("kafka_dlt-original-timestamp")) && value.length == Long.BYTES) {
            return Long.toString(ByteBuffer.wrap(value).getLong());
        }
        return new String(value, StandardCharsets.UTF_8);
    }
}
