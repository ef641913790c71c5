package dev.strangler.monolith.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Reading the legacy schema's column conventions into clean values. */
public final class LegacyColumns {

    private LegacyColumns() {
    }

    /** DATETIME(3) columns hold UTC wall-clock time; read them as such, whatever the JVM's zone. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
