package dev.strangler.infra;

import dev.strangler.infra.kafka.EmbeddedKafkaBroker;
import dev.strangler.infra.mariadb.DatabaseBootstrap;
import dev.strangler.infra.mariadb.EmbeddedMariaDb;
import java.nio.file.Path;

/**
 * The MariaDB server and the Kafka broker together, started in this JVM with the kit's schemas and accounts.
 * {@code kit up} runs each part in a process of its own instead; tests share one of these per JVM.
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    private final InfraSettings settings;
    private final EmbeddedMariaDb database;
    private final EmbeddedKafkaBroker kafka;

    public EmbeddedInfrastructure(InfraSettings settings, Path home) {
        this.settings = settings;
        this.database = new EmbeddedMariaDb(settings.databasePort(), home.resolve("mariadb"), settings.durability());
        this.kafka = new EmbeddedKafkaBroker(settings.kafkaPort(), settings.kafkaControllerPort(), home.resolve("kafka"));
    }

    public EmbeddedInfrastructure start() {
        database.start();
        database.runAsAdministrator(DatabaseBootstrap.sql(settings));
        kafka.start();
        return this;
    }

    public InfraSettings settings() {
        return settings;
    }

    public EmbeddedMariaDb database() {
        return database;
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            database.close();
        }
    }
}
