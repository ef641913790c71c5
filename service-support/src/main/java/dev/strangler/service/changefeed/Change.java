package dev.strangler.service.changefeed;

/**
 * One change event, translated: the row it is about, the version the guard compares, and the value a table writes.
 *
 * @param key     the row's key in the version guard (e.g. the member number)
 * @param version the version the event carries
 * @param delete  whether the event removed the row
 * @param value   the translated row, in the service's own model
 * @param <T>     the service's type for the row
 */
public record Change<T>(String key, SourceVersion version, boolean delete, T value) {

    /** A change of {@code event}'s row, versioned by {@code versionColumn} as {@link ChangeEvent#version} says. */
    public static <T> Change<T> of(ChangeEvent event, String key, String versionColumn, T value) {
        return new Change<>(key, event.version(versionColumn), event.isDelete(), value);
    }
}
