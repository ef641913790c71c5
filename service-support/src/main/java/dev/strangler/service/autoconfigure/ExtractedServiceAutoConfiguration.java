package dev.strangler.service.autoconfigure;

import dev.strangler.service.database.DefaultPasswordCheck;
import dev.strangler.service.outbox.OutboxConfiguration;
import dev.strangler.service.ownership.OwnershipConfiguration;
import dev.strangler.service.web.RequestIdLogging;
import dev.strangler.web.problem.ProblemResponseHandler;
import java.util.Arrays;
import java.util.stream.Stream;
import org.flywaydb.core.api.Location;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * What every extracted service gets from adding service-support: who owns its writes and the admin API that
 * changes it, the outbox the CDC bridge relays, problem responses in the monolith's shape, the request id in the
 * logs, the kit's own tables (version guard, ownership, outbox) created by the service's Flyway, and a refusal of
 * the kit's default database passwords against a server the kit did not start. The change feed
 * is {@link ChangefeedAutoConfiguration}. {@code kit.service.enabled=false} turns all of it off.
 */
// Before Boot's web MVC configuration: its own problem-details handler backs off only when ours is already there.
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnProperty(name = "kit.service.enabled", matchIfMissing = true)
@Import({OwnershipConfiguration.class, OutboxConfiguration.class, ProblemResponseHandler.class,
        RequestIdLogging.class})
public class ExtractedServiceAutoConfiguration {

    /** Where the kit's tables are defined: a repeatable migration of CREATE TABLE IF NOT EXISTS. */
    public static final String KIT_TABLES = "classpath:db/kit-service";

    /** Static: a bean factory post-processor, so it runs before anything connects to the database. */
    @Bean
    static DefaultPasswordCheck defaultPasswordCheck(ConfigurableEnvironment environment) {
        return new DefaultPasswordCheck(environment);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(FlywayConfigurationCustomizer.class)
    static class KitTables {

        /**
         * Adds the kit's tables to the service's own migrations. A repeatable migration runs after the service's
         * versioned ones and creates only what is missing, so a service that made these tables itself (the demo
         * services did, before the starter) keeps them as they are.
         */
        @Bean
        FlywayConfigurationCustomizer kitServiceTables() {
            return configuration -> configuration.locations(Stream.concat(
                    Arrays.stream(configuration.getLocations()), Stream.of(new Location(KIT_TABLES)))
                    .distinct().toArray(Location[]::new));
        }
    }
}
