package dev.strangler.service.changefeed.declared;

import dev.strangler.service.changefeed.ChangeBatchApplier;
import dev.strangler.service.changefeed.ChangefeedTopics;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;

/** The declared tables' topics (unless the service has its own) and their listeners. */
@Configuration(proxyBeanMethods = false)
public class DeclaredTablesConfiguration {

    @Bean
    @ConditionalOnMissingBean(ChangefeedTopics.class)
    ChangefeedTopics declaredTopics(DeclaredTablesProperties properties) {
        return properties.asTopics();
    }

    @Bean
    DeclaredTables declaredTables(DeclaredTablesProperties properties, JdbcTemplate jdbc) {
        return new DeclaredTables(properties.tables().stream().map(table -> new DeclaredTable(table, jdbc)).toList());
    }

    @Bean
    KafkaListenerConfigurer declaredTableListeners(DeclaredTables declared, ObjectProvider<ChangeBatchApplier> batches,
                                                   Environment environment) {
        List<DeclaredTable> tables = declared.declared();
        String group = environment.getProperty("spring.kafka.consumer.group-id",
                environment.getProperty("spring.application.name", "extracted-service"));
        return new DeclaredTableListeners(tables, batches, group);
    }
}
