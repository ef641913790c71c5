package dev.strangler.service.backfill;

import dev.strangler.service.changefeed.ChangeBatchApplier;
import dev.strangler.service.changefeed.ReplicatedTable;
import dev.strangler.service.changefeed.declared.DeclaredTables;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bulk backfill of the service's replicated tables: its own and the declared ones. Its API sits under
 * {@code /admin}, so the ownership API's token check guards it too.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BulkBackfillProperties.class)
@Import(BulkBackfillController.class)
public class BulkBackfillConfiguration {

    @Bean
    BulkBackfillRuns bulkBackfillRuns(JdbcClient jdbc) {
        return new BulkBackfillRuns(jdbc);
    }

    @Bean
    BulkBackfill bulkBackfill(ObjectProvider<ReplicatedTable<?>> own, ObjectProvider<DeclaredTables> declared,
                              BulkBackfillProperties properties, ChangeBatchApplier applier, BulkBackfillRuns runs) {
        List<ReplicatedTable<?>> tables = new ArrayList<>(own.orderedStream().toList());
        declared.ifAvailable(more -> tables.addAll(more.tables()));
        return new BulkBackfill(tables, properties, applier, runs);
    }
}
