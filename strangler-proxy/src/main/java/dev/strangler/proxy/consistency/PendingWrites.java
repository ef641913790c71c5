package dev.strangler.proxy.consistency;

import dev.strangler.proxy.route.SideTarget;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes whose change may not have reached every consumer yet: per named entity ({@code member:42}), and per entity
 * kind for requests that name none, the latest write on each backend that took one and when it completed. A write
 * stops being pending once a barrier begun after it completed, or after the window.
 */
final class PendingWrites {

    /**
     * @param backend     the backend that took the write: a route side as configured, since all its instances share
     *                    one database
     * @param completedAt {@link System#nanoTime()} when its answer was about to go to the client
     */
    record Write(SideTarget backend, long completedAt) {
    }

    private final Map<String, Map<SideTarget, Long>> byKey = new ConcurrentHashMap<>();
    private final Map<String, Map<SideTarget, Long>> byEntity = new ConcurrentHashMap<>();
    /** The latest write per key and per entity kind, confirmed or not, kept for the window. */
    private final Map<String, Long> recent = new ConcurrentHashMap<>();

    int size() {
        return byKey.size();
    }

    boolean isEmpty() {
        return byKey.isEmpty() && byEntity.isEmpty();
    }

    void record(Collection<String> keys, SideTarget backend, long completedAt) {
        for (String key : keys) {
            String entity = key.substring(0, key.indexOf(':'));
            add(byKey, key, backend, completedAt);
            add(byEntity, entity, backend, completedAt);
            recent.merge(key, completedAt, Math::max);
            recent.merge(entity + ":*", completedAt, Math::max);
        }
    }

    /** Whether a write to one of {@code keys}, or to any entity of {@code entities}, completed after {@code at}. */
    boolean writtenAfter(Set<String> keys, Collection<String> entities, long at) {
        return keys.stream().anyMatch(key -> recent.getOrDefault(key, at) - at > 0)
                || entities.stream().anyMatch(entity -> recent.getOrDefault(entity + ":*", at) - at > 0);
    }

    /** The writes a request depends on that completed after {@code confirmedThrough}. */
    List<Write> unconfirmed(Set<String> keys, Collection<String> unkeyedEntities, long confirmedThrough) {
        List<Write> writes = new ArrayList<>();
        keys.forEach(key -> collect(byKey.get(key), confirmedThrough, writes));
        unkeyedEntities.forEach(entity -> collect(byEntity.get(entity), confirmedThrough, writes));
        return writes;
    }

    /** Whether any write completed after {@code confirmedThrough}. */
    boolean anyAfter(long confirmedThrough) {
        return byKey.values().stream().flatMap(backends -> backends.values().stream())
                .anyMatch(at -> at - confirmedThrough > 0);
    }

    /** Forgets writes completed at or before {@code through}: confirmed by a barrier. */
    void forgetThrough(long through) {
        forget(byKey, through);
        forget(byEntity, through);
    }

    /** Forgets everything about writes completed before {@code windowStart}: the time bound. */
    void forgetBefore(long windowStart) {
        forgetThrough(windowStart);
        recent.values().removeIf(at -> at - windowStart <= 0);
    }

    // compute: atomic per key, so a concurrent forget cannot drop the map a write is going into
    private static void add(Map<String, Map<SideTarget, Long>> index, String key, SideTarget backend,
                            long completedAt) {
        index.compute(key, (name, backends) -> {
            Map<SideTarget, Long> updated = backends == null ? new ConcurrentHashMap<>() : backends;
            updated.merge(backend, completedAt, Math::max);
            return updated;
        });
    }

    private static void forget(Map<String, Map<SideTarget, Long>> index, long through) {
        for (String key : index.keySet()) {
            index.computeIfPresent(key, (name, backends) -> {
                backends.values().removeIf(at -> at - through <= 0);
                return backends.isEmpty() ? null : backends;
            });
        }
    }

    private static void collect(Map<SideTarget, Long> backends, long confirmedThrough, List<Write> writes) {
        if (backends != null) {
            backends.forEach((backend, at) -> {
                if (at - confirmedThrough > 0) {
                    writes.add(new Write(backend, at));
                }
            });
        }
    }
}
