package dev.strangler.infra.mariadb;

import java.util.List;
import java.util.Locale;

/**
 * How the embedded MariaDB trades durability for speed ({@code KIT_DB_DURABILITY}).
 */
public enum Durability {

    /**
     * The default: the redo log is written at each commit but flushed to disk about once a second
     * ({@code innodb_flush_log_at_trx_commit=2}), the binlog is left to the operating system ({@code sync_binlog=0}).
     * A crash of MariaDB alone loses nothing; a crash of the machine (power, kernel) can lose the last second of
     * commits, and the binlog can then lack transactions the tables have, or the other way round.
     */
    FAST(List.of("--innodb-flush-log-at-trx-commit=2", "--sync-binlog=0")),

    /**
     * Every commit is on disk, in the redo log and in the binlog, before it is acknowledged
     * ({@code innodb_flush_log_at_trx_commit=1}, {@code sync_binlog=1}): nothing acknowledged is lost, whatever
     * crashes; each commit waits for fsyncs.
     */
    FULL(List.of("--innodb-flush-log-at-trx-commit=1", "--sync-binlog=1"));

    public static final String VARIABLE = "KIT_DB_DURABILITY";

    private final List<String> serverArguments;

    Durability(List<String> serverArguments) {
        this.serverArguments = serverArguments;
    }

    public List<String> serverArguments() {
        return serverArguments;
    }

    /** {@code fast} or {@code full}, in any case. */
    public static Durability parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(VARIABLE + " must be 'fast' or 'full', but was '" + value + "'");
        }
    }
}
