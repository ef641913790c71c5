package dev.strangler.service.changefeed;

import java.nio.charset.StandardCharsets;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * The change-feed consumer wiring both extracted services share: a service imports it and provides a
 * {@link ChangefeedTopics} bean (its configuration properties). How consumption fails: an unreadable event goes to
 * {@code <topic>.dlt} at once, with the reason in the {@value #REASON_HEADER} header, and the consumer moves on; a
 * database that is away is waited for (events are never skipped because of it); anything else is retried a few
 * times, then dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
public class ChangefeedConsumerConfiguration {

    static final String REASON_HEADER = "kit-dlt-reason";

    private static final Logger log = LoggerFactory.getLogger(ChangefeedConsumerConfiguration.class);

    @Bean
    ChangeEventParser changeEventParser(JsonMapper json) {
        return new ChangeEventParser(json);
    }

    @Bean
    DomainEventParser domainEventParser(JsonMapper json) {
        return new DomainEventParser(json);
    }

    @Bean
    VersionGuard versionGuard(JdbcClient jdbc, NamedParameterJdbcTemplate batch, ChangefeedTopics topics) {
        return new VersionGuard(jdbc, batch, topics.chunkSize());
    }

    @Bean
    ChangefeedMeters changefeedMeters(MeterRegistry registry) {
        return new ChangefeedMeters(registry);
    }

    @Bean
    ChangeBatchApplier changeBatchApplier(ChangeEventParser parser, DomainEventParser domainEvents,
                                          VersionGuard versions, TransactionTemplate transactions,
                                          DeadLetterPublishingRecoverer deadLetters, ChangefeedMeters meters) {
        return new ChangeBatchApplier(parser, domainEvents, versions, transactions, deadLetters, meters);
    }

    /** Used by the error handler and, for unreadable records, directly by {@link ChangeBatchApplier}. */
    @Bean
    DeadLetterPublishingRecoverer changefeedDeadLetters(KafkaOperations<Object, Object> kafka,
                                                        ChangefeedTopics topics) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, ex) -> new TopicPartition(topics.deadLetterTopic(record.topic()), -1));
        recoverer.addHeadersFunction((record, ex) -> {
            RecordHeaders headers = new RecordHeaders();
            headers.add(REASON_HEADER, reason(ex).getBytes(StandardCharsets.UTF_8));
            log.warn("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason(ex));
            return headers;
        });
        return recoverer;
    }

    /**
     * For batch listeners: {@link ChangeBatchApplier} names the failed record with a
     * {@link org.springframework.kafka.listener.BatchListenerFailedException}; the records before it are committed
     * and the rest redelivered, so the back-off below applies per record as before.
     */
    @Bean
    DefaultErrorHandler changefeedErrorHandler(DeadLetterPublishingRecoverer recoverer) {
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(500, 3));
        handler.addNotRetryableExceptions(UnreadableEventException.class);
        handler.setBackOffFunction((record, ex) -> DatabaseOutage.isCauseOf(ex) ? databaseBackOff() : null);
        return handler;
    }

    /**
     * Offsets are committed without waiting for the broker's answer, still only after the batch's transaction
     * committed: a lost commit means a replay, which the version guard makes a no-op, while waiting would add a broker
     * round trip to every batch.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> changefeedCommits() {
        return container -> container.getContainerProperties().setSyncCommits(false);
    }

    @Bean
    HealthIndicator changefeedHealthIndicator(KafkaListenerEndpointRegistry listeners) {
        return new ChangefeedHealthIndicator(listeners);
    }

    /** Missing topics only, on the admin client settings of Spring's {@link KafkaAdmin} (security included). */
    @Bean
    ChangefeedTopicCreator changefeedTopicCreator(KafkaAdmin admin, ChangefeedTopics topics) {
        return new ChangefeedTopicCreator(admin.getConfigurationProperties(), topics);
    }

    private static ExponentialBackOff databaseBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        return backOff;
    }

    private static String reason(Exception ex) {
        Throwable root = ex;
        while (root.getCause() != null && !(root instanceof UnreadableEventException)) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
