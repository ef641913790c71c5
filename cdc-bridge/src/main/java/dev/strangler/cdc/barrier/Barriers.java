package dev.strangler.cdc.barrier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs barriers one at a time. A barrier commits a watermark, waits until each engine has carried it into Kafka
 * (so every change committed before it is there), reads the end offsets of the bridge's partitions that the
 * consumer groups are assigned, and waits until each group has committed past them: every group has then applied
 * every change committed before the barrier. Requests that arrive while one runs share the next one, which starts
 * after they arrived: however many ask, at most one barrier runs and one waits.
 */
public final class Barriers {

    private static final Logger log = LoggerFactory.getLogger(Barriers.class);

    private final Watermarks watermarks;
    private final ConsumerGroupOffsets offsets;
    private final BarrierProperties properties;
    private final Predicate<String> bridgeTopic;
    private final Supplier<Optional<String>> reverseGroup;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kit-cdc-barrier");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<Barrier> running;
    private CompletableFuture<Barrier> next;
    private Duration nextWait = Duration.ZERO;

    Barriers(Watermarks watermarks, ConsumerGroupOffsets offsets, BarrierProperties properties,
             Predicate<String> bridgeTopic, Supplier<Optional<String>> reverseGroup) {
        this.watermarks = watermarks;
        this.offsets = offsets;
        this.properties = properties;
        this.bridgeTopic = bridgeTopic;
        this.reverseGroup = reverseGroup;
    }

    /** A barrier that begins after this call and waits for the consumers at most {@code wait}. */
    public synchronized CompletableFuture<Barrier> request(Duration wait) {
        if (running == null) {
            running = new CompletableFuture<>();
            start(running, wait);
            return running;
        }
        if (next == null) {
            next = new CompletableFuture<>();
        }
        nextWait = wait.compareTo(nextWait) > 0 ? wait : nextWait;
        return next;
    }

    private void start(CompletableFuture<Barrier> barrier, Duration wait) {
        executor.execute(() -> {
            try {
                barrier.complete(run(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                barrier.completeExceptionally(e);
            } catch (Exception e) {
                log.warn("A barrier failed: {}", e.toString());
                barrier.completeExceptionally(e);
            } finally {
                finished();
            }
        });
    }

    private synchronized void finished() {
        running = next;
        next = null;
        if (running != null) {
            start(running, nextWait);
        }
        nextWait = Duration.ZERO;
    }

    private Barrier run(Duration wait) throws Exception {
        long started = System.nanoTime();
        long deadline = started + wait.toNanos();
        long watermark = watermarks.write();
        for (Watermarks.Stream stream : Watermarks.Stream.values()) {
            if (!watermarks.await(stream, watermark, remaining(deadline))) {
                return new Barrier(false, watermark, millisSince(started), List.of(), Map.of(stream.name().toLowerCase(),
                        "has not carried the watermark into Kafka (paused, stopped, or far behind)"));
            }
        }
        Set<String> named = new HashSet<>();
        reverseGroup.get().ifPresent(named::add);
        Map<String, Set<TopicPartition>> assigned = offsets.assignments(properties.groupPrefixes(), named, bridgeTopic);
        Set<TopicPartition> partitions = new HashSet<>();
        assigned.values().forEach(partitions::addAll);
        Map<TopicPartition, Long> ends = new HashMap<>(offsets.endOffsets(partitions));
        Set<TopicPartition> settled = new HashSet<>();
        List<String> groups = assigned.keySet().stream().sorted().toList();
        Map<String, String> lagging = lagging(assigned, ends, settled);
        while (!lagging.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(properties.pollInterval().toMillis()); // between reads of the groups' committed offsets
            lagging = lagging(assigned, ends, settled);
        }
        return new Barrier(lagging.isEmpty(), watermark, millisSince(started), groups, lagging);
    }

    /**
     * @param ends    each partition's end, replaced by the offset after its last record the first time a group is
     *                behind it (those in {@code settled}): behind by transaction markers only is not behind
     */
    private Map<String, String> lagging(Map<String, Set<TopicPartition>> assigned, Map<TopicPartition, Long> ends,
                                        Set<TopicPartition> settled) throws Exception {
        if (assigned.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<TopicPartition, Long>> committed = offsets.committed(assigned.keySet());
        Map<String, String> lagging = new LinkedHashMap<>();
        assigned.forEach((group, partitions) -> {
            List<String> behind = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                long end = ends.getOrDefault(partition, 0L);
                long at = committed.getOrDefault(group, Map.of()).getOrDefault(partition, 0L);
                if (at < end && settled.add(partition)) {
                    end = offsets.lastRecordEnd(partition, end);
                    ends.put(partition, end);
                }
                if (at < end) {
                    behind.add(partition + " " + (end - at) + " behind");
                }
            }
            if (!behind.isEmpty()) {
                lagging.put(group, String.join(", ", behind));
            }
        });
        return lagging;
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
