package dev.strangler.cdc.barrier;

import dev.strangler.cdc.config.CdcProperties;
import dev.strangler.cdc.outbox.OutboxProperties;
import dev.strangler.cdc.reverse.ReversePath;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BarrierProperties.class)
class BarrierConfiguration {

    @Bean
    Watermarks watermarks(JdbcTemplate jdbc, CdcProperties cdc) {
        return new Watermarks(jdbc, cdc.kitTables().watermark());
    }

    @Bean(destroyMethod = "close")
    Admin barrierAdmin(KafkaProperties kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(",", kafka.getBootstrapServers()), AdminClientConfig.CLIENT_ID_CONFIG, "kit-cdc-barrier"));
    }

    @Bean
    Barriers barriers(Watermarks watermarks, Admin barrierAdmin, BarrierProperties properties, CdcProperties cdc,
                      OutboxProperties outbox, ReversePath reverse) {
        Set<String> forwardTopics = cdc.tables().stream().map(CdcProperties.CapturedTable::topic)
                .collect(Collectors.toUnmodifiableSet());
        return new Barriers(watermarks, new ConsumerGroupOffsets(barrierAdmin), properties,
                topic -> forwardTopics.contains(topic) || topic.startsWith(outbox.eventTopicPrefix()),
                reverse::activeGroup);
    }
}
