package dev.strangler.cdc.outbox;

import dev.strangler.cdc.barrier.Watermarks;
import dev.strangler.cdc.config.CdcProperties;
import dev.strangler.cdc.config.KafkaConnection;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
class OutboxRelayConfiguration {

    @Bean
    OutboxRelay outboxRelay(CdcProperties cdc, OutboxProperties outbox, KafkaProperties kafka, Watermarks watermarks) {
        return new OutboxRelay(cdc, outbox, KafkaConnection.of(kafka), watermarks);
    }
}
