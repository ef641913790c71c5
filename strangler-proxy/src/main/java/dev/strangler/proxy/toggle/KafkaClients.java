package dev.strangler.proxy.toggle;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Builds the Kafka clients of the toggle log from Boot's {@code spring.kafka.*} settings, in one place, with the
 * few settings the log depends on forced: no consumer group (each instance reads all), acks from all replicas.
 */
@Component
class KafkaClients {

    private final KafkaProperties kafka;

    KafkaClients(KafkaProperties kafka) {
        this.kafka = kafka;
    }

    String bootstrapServers() {
        return String.join(",", kafka.getBootstrapServers());
    }

    KafkaProducer<String, String> producer() {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    KafkaConsumer<String, String> consumer() {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** One partition keeps every flip in one order; the replication factor is the cluster's default. */
    void createCompactedTopic(String topic, Duration timeout) {
        try (Admin admin = Admin.create(kafka.buildAdminProperties())) {
            NewTopic newTopic = new NewTopic(topic, Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create the toggle topic '" + topic + "' on "
                        + bootstrapServers() + "; set spring.kafka.bootstrap-servers (KIT_KAFKA_BOOTSTRAP)",
                        e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers() + " did not answer within " + timeout
                    + "; set spring.kafka.bootstrap-servers (KIT_KAFKA_BOOTSTRAP) to a running cluster", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the toggle topic", e);
        }
    }
}
