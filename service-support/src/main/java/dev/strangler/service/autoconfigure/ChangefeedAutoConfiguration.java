package dev.strangler.service.autoconfigure;

import dev.strangler.service.backfill.BulkBackfillConfiguration;
import dev.strangler.service.changefeed.ChangefeedConsumerConfiguration;
import dev.strangler.service.changefeed.ChangefeedTopics;
import dev.strangler.service.changefeed.declared.DeclaredTablesConfiguration;
import dev.strangler.service.changefeed.declared.DeclaredTablesProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The change feed of an extracted service: the consumer wiring (version guard, batch applier, dead letters, retry of
 * a database outage, health, meters) and a listener per table declared under {@code kit.service.changefeed.tables}.
 * A service with its own {@link ChangefeedTopics} bean (its own topics and listeners, as the demo services have)
 * keeps it; otherwise the declared tables are its topics. The bulk backfill of its replicated tables comes with it.
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, DataSourceAutoConfiguration.class})
@ConditionalOnProperty(name = "kit.service.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DeclaredTablesProperties.class)
@Import({DeclaredTablesConfiguration.class, ChangefeedConsumerConfiguration.class, BulkBackfillConfiguration.class})
public class ChangefeedAutoConfiguration {
}
