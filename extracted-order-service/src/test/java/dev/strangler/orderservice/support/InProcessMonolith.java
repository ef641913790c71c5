package dev.strangler.orderservice.support;

import dev.strangler.infra.InfraSettings;
import dev.strangler.infra.testing.SharedInfrastructure;
import dev.strangler.monolith.LegacyMonolithApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The legacy monolith, started once per test JVM in-process on a random port over legacy_db: the products, the
 * stock API and the member routes the order service's scenarios need. Its own application.yml is not on this
 * classpath's first place, so its settings are passed here.
 */
public final class InProcessMonolith {

    private static ConfigurableApplicationContext context;

    private InProcessMonolith() {
    }

    public static synchronized String url() {
        if (context == null) {
            InfraSettings infra = SharedInfrastructure.settings();
            context = SpringApplication.run(LegacyMonolithApplication.class,
                    "--spring.config.name=legacy-monolith-in-process",
                    "--spring.application.name=legacy-monolith",
                    "--server.port=0", "--server.address=127.0.0.1",
                    "--spring.datasource.url=" + infra.jdbcUrl(infra.legacy().database()),
                    "--spring.datasource.username=" + infra.legacy().user(),
                    "--spring.datasource.password=" + infra.legacy().password(),
                    "--spring.datasource.hikari.connection-init-sql=SET time_zone = '+00:00'",
                    "--spring.datasource.hikari.maximum-pool-size=4",
                    "--spring.flyway.locations=classpath:db/migration",
                    "--spring.mvc.problemdetails.enabled=true",
                    "--spring.web.resources.add-mappings=false",
                    "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                    "--server.error.include-stacktrace=never",
                    // The service-support starter is on this test classpath for the service, not the monolith.
                    "--kit.service.enabled=false");
        }
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }
}
