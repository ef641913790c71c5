package dev.strangler.service.changefeed;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The upsert of a table that keeps each row's version in the row ({@link ReplicatedTable#versionInRow()}), in the
 * column {@value #VERSION_COLUMN} holding {@link SourceVersion#rowVersion()} (ascii, binary collation, so that it
 * compares byte by byte). One place for the rule, so every such table applies it alike.
 */
public final class RowVersionUpsert {

    public static final String VERSION_COLUMN = "source_version";

    // A row without a version predates versions kept in the row: any change is newer.
    private static final String NEWER = "(" + VERSION_COLUMN + " IS NULL OR VALUES(" + VERSION_COLUMN + ") > "
            + VERSION_COLUMN + ")";

    private RowVersionUpsert() {
    }

    /**
     * {@code ON DUPLICATE KEY UPDATE} assigning each of {@code columns}, and then the version, only where the
     * inserted version is greater than the row's: replayed and superseded events change nothing. The version comes
     * last because MySQL assigns left to right, so every comparison before it still sees the row's own.
     */
    public static String onDuplicateKeyUpdateIfNewer(List<String> columns) {
        return assign(columns, column -> "IF(" + NEWER + ", VALUES(" + column + "), " + column + ")");
    }

    /** {@code ON DUPLICATE KEY UPDATE} overwriting each of {@code columns} and the version: the service's own write. */
    public static String onDuplicateKeyUpdate(List<String> columns) {
        return assign(columns, column -> "VALUES(" + column + ")");
    }

    private static String assign(List<String> columns, UnaryOperator<String> value) {
        return "ON DUPLICATE KEY UPDATE " + Stream.concat(columns.stream(), Stream.of(VERSION_COLUMN))
                .map(column -> column + " = " + value.apply(column)).collect(Collectors.joining(", "));
    }
}
