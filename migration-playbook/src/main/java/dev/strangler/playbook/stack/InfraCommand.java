package dev.strangler.playbook.stack;

import dev.strangler.infra.InfraSettings;
import dev.strangler.playbook.KitContext;
import dev.strangler.infra.kafka.EmbeddedKafkaBroker;
import dev.strangler.infra.mariadb.DatabaseBootstrap;
import dev.strangler.infra.mariadb.EmbeddedMariaDb;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Runs one embedded server in this JVM until the process is told to stop; {@code kit up} starts one of these per
 * server. Its data stays under {@code .kit/<part>/}, so a restart keeps the databases, topics and offsets.
 */
@Command(name = "infra", hidden = true, mixinStandardHelpOptions = true,
        description = "Run one embedded server (mariadb or kafka) in the foreground; used by 'kit up'.")
public final class InfraCommand implements Runnable {

    enum Part { mariadb, kafka }

    private final KitContext kit;

    @Parameters(index = "0", description = "mariadb or kafka")
    Part part;

    InfraCommand(KitContext kit) {
        this.kit = kit;
    }

    @Override
    public void run() {
        StackLayout layout = kit.layout();
        InfraSettings settings = kit.infra();
        AutoCloseable server = switch (part) {
            case mariadb -> {
                EmbeddedMariaDb database = new EmbeddedMariaDb(settings.databasePort(), layout.dataDirectory("mariadb"));
                database.start();
                database.runAsAdministrator(DatabaseBootstrap.sql(settings));
                yield database;
            }
            case kafka -> {
                EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(settings.kafkaPort(), settings.kafkaControllerPort(),
                        layout.dataDirectory("kafka"));
                broker.start();
                yield broker;
            }
        };
        CountDownLatch stopped = new CountDownLatch(1);
        // This process exists only to host the server: SIGTERM from 'kit down' ends it through this hook.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("Stopping " + part + " failed: " + e.getMessage());
            }
        }, "kit-stop-" + part));
        System.out.println(part + " is up; stop it with SIGTERM ('kit down').");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
