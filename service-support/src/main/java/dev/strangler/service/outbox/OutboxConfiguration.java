package dev.strangler.service.outbox;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outbox a service writes its events to, and the pruning that keeps the table small. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
@Import(Outbox.class)
public class OutboxConfiguration {

    @Bean
    OutboxPruner outboxPruner(JdbcClient jdbc, OutboxProperties properties) {
        return new OutboxPruner(jdbc, properties, Clock.systemUTC());
    }
}
