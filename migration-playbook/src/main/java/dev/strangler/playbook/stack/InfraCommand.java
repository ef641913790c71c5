package dev.strangler.playbook.stack;

import dev.strangler.infra.InfraSettings;
import dev.strangler.infra.kafka.EmbeddedKafkaBroker;
import dev.strangler.infra.mariadb.DatabaseBootstrap;
import dev.strangler.infra.mariadb.EmbeddedMariaDb;
import dev.strangler.playbook.KitContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
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

    /** The JVM's temporary directory ({@code kit up} points it into the state directory) must exist. */
    private static void createTemporaryDirectory() {
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create java.io.tmpdir " + System.getProperty("java.io.tmpdir"), e);
        }
    }

    /**
     * MariaDB runs as a child process: when it dies (a crash, kill -9), this launcher exits too, so the supervisor
     * sees the part gone and starts it again, instead of a launcher that looks alive over a dead server.
     */
    private static void exitWithTheServer(AtomicBoolean stopping) {
        ProcessHandle.current().children()
                .filter(child -> child.info().command().map(command -> command.endsWith("mariadbd")
                        || command.endsWith("mysqld")).orElse(false))
                .forEach(server -> server.onExit().thenRun(() -> {
                    if (!stopping.get()) {
                        System.err.println("The MariaDB server (PID " + server.pid() + ") exited; so does its "
                                + "launcher, for the supervisor to start both again.");
                        System.exit(3);
                    }
                }));
    }

    @Override
    public void run() {
        StackLayout layout = kit.layout();
        InfraSettings settings = kit.infra();
        createTemporaryDirectory();
        AutoCloseable server = switch (part) {
            case mariadb -> {
                EmbeddedMariaDb database = new EmbeddedMariaDb(settings.databasePort(), layout.dataDirectory("mariadb"),
                        settings.durability());
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
        AtomicBoolean stopping = new AtomicBoolean();
        if (part == Part.mariadb) {
            exitWithTheServer(stopping);
        }
        // This process exists only to host the server: SIGTERM from 'kit down' ends it through this hook.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
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
