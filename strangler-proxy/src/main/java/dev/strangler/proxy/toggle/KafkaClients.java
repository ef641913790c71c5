package dev.strangler.proxy.toggle;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Builds the Kafka clients of the toggle log from Boot's {@code spring.kafka.*} settings, in one place, with the
 * few settings the log depends on forced: no consumer group (each instance reads all), acks from all replicas.
 */
@Component
class KafkaClients {

    private static final Logger log = LoggerFactory.getLogger(KafkaClients.class);
    private static final String LOG_APPEND_TIME = "LogAppendTime";

    private final KafkaProperties kafka;

    KafkaClients(KafkaProperties kafka) {
        this.kafka = kafka;
    }

    String bootstrapServers() {
        return String.join(",", kafka.getBootstrapServers());
    }

    /**
     * A producer that gives up on a record within {@code writeTimeout}, however long Kafka is away: a flip answered
     * "refused" must not linger in a buffer (delivery, request and blocking timeouts are all bounded by it).
     */
    KafkaProducer<String, String> producer(Duration writeTimeout) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        int timeout = (int) writeTimeout.toMillis();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    KafkaConsumer<String, String> consumer() {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /**
     * Creates the toggle topic if missing: compacted, one partition (every flip in one order), the cluster's
     * replication factor, and the broker's append time on every record, which decides whether a flip made its
     * deadline. An existing topic gets the append time set.
     *
     * @return whether the topic stamps records with the broker's append time (false: the brokers refused to change
     * an existing topic, so refused flips that reach the log anyway are undone by corrections only)
     */
    boolean prepareToggleTopic(String topic, Duration timeout) {
        Map<String, String> configs = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, LOG_APPEND_TIME);
        try (Admin admin = Admin.create(kafka.buildAdminProperties())) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty()).configs(configs)))
                        .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Could not create the toggle topic '" + topic + "' on "
                            + bootstrapServers() + "; set spring.kafka.bootstrap-servers (KIT_KAFKA_BOOTSTRAP)",
                            e.getCause());
                }
            }
            return useLogAppendTime(admin, topic, timeout);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not read the toggle topic '" + topic + "' on "
                    + bootstrapServers(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers() + " did not answer within " + timeout
                    + "; set spring.kafka.bootstrap-servers (KIT_KAFKA_BOOTSTRAP) to a running cluster", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the toggle topic", e);
        }
    }

    private boolean useLogAppendTime(Admin admin, String topic, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(resource);
        ConfigEntry type = config.get(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG);
        if (type != null && LOG_APPEND_TIME.equals(type.value())) {
            return true;
        }
        try {
            admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, LOG_APPEND_TIME),
                    AlterConfigOp.OpType.SET)))).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            log.warn("Could not set {}={} on the toggle topic '{}' ({}); flips refused while Kafka was away are "
                    + "undone by corrections only, so another instance may apply one for a moment",
                    TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, LOG_APPEND_TIME, topic, e.getCause().getMessage());
            return false;
        }
    }
}
