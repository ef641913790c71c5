package dev.strangler.cdc.reverse;

import dev.strangler.cdc.config.CdcProperties;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReverseProperties.class)
class ReverseCaptureConfiguration {

    @Bean
    ReverseCapture reverseCapture(CdcProperties cdc, ReverseProperties reverse, KafkaProperties kafka,
                                  JdbcTemplate legacy, TransactionTemplate transactions, ObjectMapper json) {
        return new ReverseCapture(cdc, reverse, String.join(",", kafka.getBootstrapServers()), legacy, transactions,
                json, new ReverseStatistics(Clock.systemUTC()), Clock.systemUTC());
    }
}
