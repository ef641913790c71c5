package dev.strangler.cdc.reverse;

import dev.strangler.cdc.config.CdcProperties;
import dev.strangler.cdc.config.KafkaConnection;
import dev.strangler.cdc.outbox.OutboxProperties;
import io.micrometer.observation.ObservationRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReverseProperties.class)
class ReverseConfiguration {

    @Bean
    ReversePath reversePath(CdcProperties cdc, OutboxProperties outbox, ReverseProperties reverse, KafkaProperties kafka,
                            JdbcTemplate legacy, TransactionTemplate transactions, ObjectMapper json,
                            ObjectProvider<ObservationRegistry> observations,
                            @Value("${management.tracing.enabled:false}") boolean tracing) {
        ReverseStatistics statistics = new ReverseStatistics(Clock.systemUTC());
        ReverseApplier applier = new ReverseApplier(reverse.mappings(), legacy, transactions,
                cdc.kitTables().echoMarker(), json, statistics);
        String[] topics = reverse.mappings().stream().map(mapping -> outbox.topic(mapping.aggregateType()))
                .distinct().toArray(String[]::new);
        ContainerProperties container = new ContainerProperties(topics);
        container.setGroupId(reverse.consumerGroup());
        container.setMessageListener(applier);
        // Committed after each poll's events were applied, and waited for: a barrier reads these offsets.
        container.setAckMode(ContainerProperties.AckMode.BATCH);
        container.setSyncCommits(true);
        container.setShutdownTimeout(5_000); // the stop budget: see ForwardCapture.stop
        if (tracing) {
            // Each event continues the trace of the request that wrote it (its traceparent header).
            container.setObservationEnabled(true);
            container.setObservationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
        }
        Map<String, Object> config = KafkaConnection.of(kafka).clientProperties();
        config.putAll(Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.CLIENT_ID_CONFIG, "kit-cdc-reverse"));
        ConcurrentMessageListenerContainer<String, String> consumer = new ConcurrentMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new StringDeserializer()),
                container);
        consumer.setCommonErrorHandler(new DefaultErrorHandler(databaseBackOff()));
        consumer.setAutoStartup(false);
        return new ReversePath(consumer, reverse.consumerGroup(), Path.of(cdc.storage().directory()), statistics,
                Clock.systemUTC());
    }

    /** A failure to write is the database's (a bad event is recorded and skipped): wait for it, never skip. */
    private static ExponentialBackOff databaseBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        return backOff;
    }
}
