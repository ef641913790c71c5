package dev.strangler.service.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
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

    /** The outbox's rows: events of the last retention period; one that keeps growing means pruning fails. */
    @Bean
    MeterBinder outboxMeters(JdbcClient jdbc) {
        return registry -> Gauge.builder("kit.outbox.rows", jdbc,
                        client -> client.sql("SELECT COUNT(*) FROM OUTBOX_EVENT").query(Long.class).single())
                .description("rows in the outbox table (kept for kit.outbox.retention)").register(registry);
    }
}
