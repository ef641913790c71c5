package dev.strangler.cdc.topics;

import dev.strangler.cdc.config.CdcProperties;
import dev.strangler.cdc.config.KafkaConnection;
import dev.strangler.cdc.outbox.OutboxProperties;
import dev.strangler.cdc.reverse.ReverseProperties;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChangeTopicsProperties.class)
class ChangeTopicsConfiguration {

    /** The captured tables' topics, and the event topics the reverse path reads (the relay publishes to them). */
    @Bean
    ChangeTopics changeTopics(CdcProperties cdc, OutboxProperties outbox, ReverseProperties reverse,
                              KafkaProperties kafka, ChangeTopicsProperties settings) {
        List<String> topics = Stream.concat(cdc.tables().stream().map(CdcProperties.CapturedTable::topic),
                reverse.mappings().stream().map(mapping -> outbox.topic(mapping.aggregateType()))).toList();
        return new ChangeTopics(KafkaConnection.of(kafka).clientProperties(), settings, topics);
    }
}
