package dev.strangler.cdc.publish;

import dev.strangler.cdc.config.CdcProperties;
import dev.strangler.cdc.config.KafkaConnection;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The bridge's producers: every record acknowledged by all in-sync replicas, idempotent, so retries never reorder. */
public final class ReliableProducer {

    private ReliableProducer() {
    }

    public static Producer<byte[], byte[]> create(KafkaConnection kafka, String clientId,
                                                  CdcProperties.Producer settings) {
        Map<String, Object> config = kafka.clientProperties();
        config.putAll(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, (int) settings.batchSize().toBytes(),
                ProducerConfig.COMPRESSION_TYPE_CONFIG, settings.compression().name().toLowerCase(Locale.ROOT),
                ProducerConfig.CLIENT_ID_CONFIG, clientId));
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
