package dev.strangler.proxy.instances;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The instances of one side and which to try next: round robin, passing over the instances this request already
 * tried and, while any other is left, those that refused a connection in the last {@code refusedFor}. One pool serves
 * every route whose side is written the same way, so one refusal spares them all.
 */
final class InstancePool {

    private static final Logger log = LoggerFactory.getLogger(InstancePool.class);

    private final String name;
    private final Mono<List<URI>> instances;
    private final long refusedForNanos;
    private final LongSupplier nanoTime;
    private final AtomicInteger next = new AtomicInteger();
    private final Map<URI, Long> refusedUntil = new ConcurrentHashMap<>();

    /**
     * @param name       the side as the route table writes it, for the log
     * @param instances  the instances now, asked once per request (a constant for a static list)
     * @param refusedFor how long a refusing instance is passed over
     * @param nanoTime   the clock ({@link System#nanoTime()} but in tests)
     */
    InstancePool(String name, Mono<List<URI>> instances, Duration refusedFor, LongSupplier nanoTime) {
        this.name = name;
        this.instances = instances;
        this.refusedForNanos = refusedFor.toNanos();
        this.nanoTime = nanoTime;
    }

    String name() {
        return name;
    }

    Mono<List<URI>> instances() {
        return instances;
    }

    /** The next instance to try, or null when every one was tried. */
    URI choose(List<URI> candidates, Collection<URI> tried) {
        int size = candidates.size();
        if (size == 0) {
            return null;
        }
        int start = Math.floorMod(next.getAndIncrement(), size);
        long now = nanoTime.getAsLong();
        URI refused = null;
        for (int i = 0; i < size; i++) {
            URI candidate = candidates.get((start + i) % size);
            if (tried.contains(candidate)) {
                continue;
            }
            if (!refusedAt(candidate, now)) {
                return candidate;
            }
            if (refused == null) {
                refused = candidate;
            }
        }
        return refused; // better a refusing instance than none: the refusal may be over
    }

    /** The instance refused a connection: nothing was sent to it. */
    void refused(URI instance) {
        long now = nanoTime.getAsLong();
        Long before = refusedUntil.put(instance, now + refusedForNanos);
        if (before == null || before - now <= 0) {
            log.warn("{}: the instance {} refused a connection; passed over for {} ms", name, instance,
                    refusedForNanos / 1_000_000);
        }
    }

    private boolean refusedAt(URI instance, long now) {
        Long until = refusedUntil.get(instance);
        if (until == null) {
            return false;
        }
        if (until - now > 0) {
            return true;
        }
        refusedUntil.remove(instance, until);
        return false;
    }
}
