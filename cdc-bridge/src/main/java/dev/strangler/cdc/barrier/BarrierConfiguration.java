package dev.strangler.cdc.barrier;

import com.zaxxer.hikari.HikariDataSource;
import dev.strangler.cdc.config.CdcProperties;
import dev.strangler.cdc.config.DatabaseServer;
import dev.strangler.cdc.config.KafkaConnection;
import dev.strangler.cdc.outbox.OutboxProperties;
import dev.strangler.cdc.reverse.ReversePath;
import java.util.List;
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

    /**
     * The legacy server's watermark is written with the reverse path's connection; the services' server, when it is
     * another, with a small pool of the relay's account (it needs INSERT and UPDATE on that watermark table).
     */
    @Bean(destroyMethod = "close")
    Watermarks watermarks(JdbcTemplate jdbc, CdcProperties cdc, OutboxProperties outbox) {
        if (!outbox.hasOwnServer()) {
            return new Watermarks(jdbc, cdc.kitTables().watermark());
        }
        Watermarks.Table legacy = new Watermarks.Table(jdbc, cdc.kitTables().watermark());
        DatabaseServer server = outbox.source();
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("kit-cdc-outbox-watermark");
        pool.setJdbcUrl(server.jdbcUrl(null, "connectionTimeZone=UTC"));
        pool.setUsername(server.user());
        pool.setPassword(server.password());
        pool.setMaximumPoolSize(2);
        pool.setMinimumIdle(0);
        pool.setInitializationFailTimeout(-1); // the server may come up after the bridge; barriers wait for it
        return new Watermarks(List.of(legacy, new Watermarks.Table(new JdbcTemplate(pool), outbox.watermarkTable(cdc))),
                List.of(pool));
    }

    @Bean(destroyMethod = "close")
    Admin barrierAdmin(KafkaProperties kafka) {
        Map<String, Object> config = KafkaConnection.of(kafka).clientProperties();
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "kit-cdc-barrier");
        return Admin.create(config);
    }

    @Bean
    Barriers barriers(Watermarks watermarks, Admin barrierAdmin, KafkaProperties kafka, BarrierProperties properties,
                      CdcProperties cdc, OutboxProperties outbox, ReversePath reverse) {
        Set<String> forwardTopics = cdc.tables().stream().map(CdcProperties.CapturedTable::topic)
                .collect(Collectors.toUnmodifiableSet());
        return new Barriers(watermarks, new ConsumerGroupOffsets(barrierAdmin,
                KafkaConnection.of(kafka).clientProperties()), properties,
                topic -> forwardTopics.contains(topic) || topic.startsWith(outbox.eventTopicPrefix()),
                reverse::activeGroup);
    }
}
