package dev.strangler.service.scaleout;

import dev.strangler.service.changefeed.ChangeBatchApplier;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The change topic a poll at a time, as the demo services consume theirs; remembers what it was delivered. */
@Component
class StockLevelListener {

    /** One record as delivered to this instance: which partition, which offset. */
    record Delivery(TopicPartition partition, long offset) {
    }

    private final ChangeBatchApplier batches;
    private final StockLevels table;
    private final Queue<Delivery> deliveries = new ConcurrentLinkedQueue<>();

    StockLevelListener(ChangeBatchApplier batches, StockLevels table) {
        this.batches = batches;
        this.table = table;
    }

    @KafkaListener(id = "scaleout-stock", groupId = "${scaleout.group}", topics = "${scaleout.topic}", batch = "true")
    void on(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer) {
        records.forEach(record -> deliveries.add(
                new Delivery(new TopicPartition(record.topic(), record.partition()), record.offset())));
        batches.apply(records, consumer, table);
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }
}
