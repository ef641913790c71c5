package dev.strangler.proxy.toggle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the toggle log. Start-up reads the whole compacted topic before the web server opens (phase 0
 * starts before it), so a restarted proxy serves from the state it had, never from the YAML's defaults.
 *
 * <p>A flip is applied or refused, never "maybe". It is answered "applied" once Kafka acknowledged it within its
 * deadline and this instance applied it, so the caller reads its own write; every other instance applies the same
 * record from the same ordered log. Otherwise it is answered "refused" within the write timeout, and:
 * <ul>
 *     <li>a record the broker appends after its deadline (the broker's append time, on the record) is ignored by
 *     every reader;</li>
 *     <li>a record that made its deadline although the answer was "refused" (the broker went away between append
 *     and acknowledgement) is undone by a correction record that this instance writes as soon as it reads it;</li>
 *     <li>until the log shows which of the two happened, further flips of that route are refused, so nobody flips
 *     on top of a state that may still change.</li>
 * </ul>
 * Sends run on a writer thread of their own: a flip never blocks a request thread, however long Kafka is away.
 */
@Component
class ToggleLog implements SmartLifecycle, ToggleLogReader.Sink {

    private static final Logger log = LoggerFactory.getLogger(ToggleLog.class);
    private static final Duration CORRECTION_RETRY = Duration.ofSeconds(1);

    private final ToggleLogProperties properties;
    private final KafkaClients clients;
    private final JsonMapper json;
    private final Toggles toggles;
    private final Clock clock = Clock.systemUTC();
    private final ConcurrentSkipListMap<Long, Write> waiting = new ConcurrentSkipListMap<>();
    private final Object lock = new Object();
    /** Routes whose last flip was answered "refused" while the log has not yet shown what became of its record. */
    private final Map<String, Refusal> refusals = new HashMap<>();
    /** Per route, the last record this instance wrote and read back, for a refusal that comes after the read. */
    private final Map<String, Seen> seen = new HashMap<>();
    /** Routes with a correction written but not yet read back. */
    private final Set<String> correcting = new TreeSet<>();
    private volatile long appliedOffset = -1;
    private volatile boolean logAppendTime;
    private ScheduledExecutorService writer;
    private KafkaProducer<String, String> producer;
    private ToggleLogReader reader;

    ToggleLog(ToggleLogProperties properties, KafkaClients clients, JsonMapper json, Toggles toggles) {
        this.properties = properties;
        this.clients = clients;
        this.json = json;
        this.toggles = toggles;
    }

    /**
     * Writes a route's next record, which counts only if the broker appends it by {@code next.deadline()};
     * completes normally once this instance applied it, exceptionally when it is refused.
     *
     * @param next  the record, with its deadline
     */
    CompletableFuture<Void> write(RouteToggle next) {
        Write write = new Write(next);
        try {
            writer.execute(() -> send(write));
        } catch (RejectedExecutionException e) {
            write.producerDone = true;
            write.answer.completeExceptionally(e); // stopping
        }
        return write.answer.orTimeout(properties.writeTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((applied, error) -> {
                    if (error != null) {
                        refused(write, error);
                    }
                });
    }

    /** The deadline of a flip written now: the write timeout less the clock skew the answer must allow for. */
    Instant deadline() {
        return clock.instant().plus(properties.writeTimeout()).minus(properties.clockSkew());
    }

    /** Whether a flip of {@code route} must wait: an earlier one was refused and its fate is not yet settled. */
    boolean unresolved(String route) {
        synchronized (lock) {
            return refusals.containsKey(route) || correcting.contains(route);
        }
    }

    /** Why this instance does not follow the toggle log right now, or null while it does. */
    Exception readerFailure() {
        ToggleLogReader current = reader;
        return current == null ? new IllegalStateException("the toggle log is not running") : current.failure();
    }

    /** Routes with a refused flip whose fate is not yet settled, or with a correction under way. */
    List<String> unresolvedRoutes() {
        synchronized (lock) {
            Set<String> routes = new TreeSet<>(refusals.keySet());
            routes.addAll(correcting);
            return List.copyOf(routes);
        }
    }

    long appliedOffset() {
        return appliedOffset;
    }

    private void send(Write write) {
        RouteToggle record = write.record;
        try {
            producer.send(new ProducerRecord<>(properties.topic(), record.route(), json.writeValueAsString(record)),
                    (metadata, error) -> {
                        write.producerDone = true;
                        if (error != null) {
                            write.answer.completeExceptionally(error);
                        } else if (logAppendTime && metadata.timestamp() > record.deadline().toEpochMilli()) {
                            write.answer.completeExceptionally(new IllegalStateException("Kafka appended the flip "
                                    + (metadata.timestamp() - record.deadline().toEpochMilli())
                                    + " ms after its deadline; every instance ignores it"));
                        } else {
                            waiting.put(metadata.offset(), write);
                            releaseWaiting();
                        }
                    });
        } catch (RuntimeException e) {
            write.producerDone = true; // max.block.ms ran out: the record never left this process
            write.answer.completeExceptionally(e);
        }
    }

    private void refused(Write write, Throwable error) {
        String route = write.record.route();
        synchronized (lock) {
            Seen read = seen.get(route);
            if (read != null && read.record().sameWrite(write.record)) {
                seen.remove(route);
                correct(read);
            } else {
                refusals.put(route, new Refusal(write));
            }
        }
        log.warn("Flip v{} of route '{}' was answered as refused ({}); it will not apply, and further flips of the "
                + "route wait until the toggle log shows what became of it", write.record.version(), route,
                error instanceof TimeoutException ? "not in the log within " + properties.writeTimeout()
                        : error.getMessage());
    }

    @Override
    public void accept(ConsumerRecord<String, String> record) {
        String route = record.key();
        RouteToggle toggle = record.value() == null ? null : json.readValue(record.value(), RouteToggle.class);
        synchronized (lock) {
            RouteToggle before = toggles.current(route);
            Admission admission = Admission.of(before, toggle, record.timestampType() == TimestampType.LOG_APPEND_TIME,
                    record.timestamp());
            if (admission == Admission.APPLY) {
                toggles.apply(route, toggle);
            } else {
                log.warn("Ignoring toggle record v{} of route '{}' at offset {}: {}", toggle.version(), route,
                        record.offset(), admission == Admission.LATE ? "appended after its deadline"
                                : "a correction that a later flip already overtook");
            }
            if (toggle != null && before != null && writtenHere(toggle)) {
                readBack(new Seen(toggle, before, admission));
            }
            appliedOffset = record.offset();
        }
        releaseWaiting();
    }

    private void readBack(Seen read) {
        String route = read.record().route();
        if (read.record().corrects() != null) {
            correcting.remove(route);
            return;
        }
        Refusal refusal = refusals.get(route);
        if (refusal != null && refusal.write.record.sameWrite(read.record())) {
            refusals.remove(route);
            correct(read);
        } else {
            seen.put(route, read);
        }
    }

    /** Puts back the state before a refused flip's record, which reached the log after all. Holds the lock. */
    private void correct(Seen read) {
        RouteToggle now = read.admission() == Admission.APPLY ? read.record() : read.before();
        RouteToggle restore = read.before();
        Flip entry = new Flip(now.version() + 1, clock.instant(), "strangler-proxy",
                "correction: flip v" + read.record().version() + " reached the toggle log after it was answered as "
                        + "refused; restoring the state before it", now.mode(), now.percent(), restore.mode(),
                restore.percent(), properties.instanceName(), false, null);
        RouteToggle correction = now.correctedTo(restore, entry, properties.historyPerRoute());
        correcting.add(correction.route());
        log.warn("Flip v{} of route '{}' reached the toggle log after it was answered as refused ({}); writing "
                + "a correction back to {}", read.record().version(), correction.route(),
                read.admission() == Admission.APPLY ? "briefly applied" : "ignored as late", restore.mode());
        schedule(() -> sendCorrection(correction), Duration.ZERO);
    }

    private void sendCorrection(RouteToggle correction) {
        try {
            producer.send(new ProducerRecord<>(properties.topic(), correction.route(),
                    json.writeValueAsString(correction)), (metadata, error) -> {
                        if (error != null) {
                            retryCorrection(correction, error);
                        }
                    });
        } catch (RuntimeException e) {
            retryCorrection(correction, e);
        }
    }

    private void retryCorrection(RouteToggle correction, Throwable error) {
        log.warn("Could not write the correction of route '{}' yet ({}); retrying in {}", correction.route(),
                error.getMessage(), CORRECTION_RETRY);
        schedule(() -> sendCorrection(correction), CORRECTION_RETRY);
    }

    /**
     * Settles refusals whose record never reached the log: once the producer gave up on it, it can only be below
     * the log's end offset at that moment; reading up to there without meeting it settles the refusal.
     */
    @Override
    public void polled(Map<TopicPartition, Long> positions, Supplier<Map<TopicPartition, Long>> endOffsets) {
        List<Refusal> needEnd;
        synchronized (lock) {
            needEnd = refusals.values().stream().filter(r -> r.write.producerDone && r.end == null).toList();
        }
        if (!needEnd.isEmpty()) {
            Map<TopicPartition, Long> end;
            try {
                end = endOffsets.get();
            } catch (RuntimeException e) {
                return; // Kafka is still away; next poll
            }
            synchronized (lock) {
                needEnd.forEach(refusal -> refusal.end = end);
            }
        }
        synchronized (lock) {
            refusals.values().removeIf(refusal -> {
                boolean settled = refusal.end != null && refusal.end.entrySet().stream()
                        .allMatch(e -> positions.getOrDefault(e.getKey(), 0L) >= e.getValue());
                if (settled) {
                    log.info("Flip v{} of route '{}' never reached the toggle log; the route stays as answered",
                            refusal.write.record.version(), refusal.write.record.route());
                }
                return settled;
            });
        }
    }

    private boolean writtenHere(RouteToggle toggle) {
        Flip last = toggle.lastFlip();
        return last != null && properties.instanceName().equals(last.instance());
    }

    private void releaseWaiting() {
        Map<Long, Write> done = waiting.headMap(appliedOffset, true);
        done.values().forEach(write -> write.answer.complete(null));
        done.clear();
    }

    private void schedule(Runnable task, Duration delay) {
        try {
            writer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.warn("Stopping: a pending toggle log correction was not written; the next start reads the log as "
                    + "it is");
        }
    }

    @Override
    public void start() {
        logAppendTime = clients.prepareToggleTopic(properties.topic(), properties.startupTimeout());
        writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "toggle-log-writer");
            thread.setDaemon(true);
            return thread;
        });
        producer = clients.producer(properties.writeTimeout());
        CountDownLatch loaded = new CountDownLatch(1);
        reader = new ToggleLogReader(clients, properties.topic(), this, loaded);
        reader.start();
        boolean done;
        try {
            done = loaded.await(properties.startupTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done = false;
        }
        if (!done) {
            Exception failure = reader.failure();
            stop();
            throw new IllegalStateException("Could not read the route toggle log (topic '" + properties.topic()
                    + "' on " + clients.bootstrapServers() + ") within " + properties.startupTimeout()
                    + "; the proxy will not serve traffic on a toggle state it has not read. Check "
                    + "spring.kafka.bootstrap-servers (KIT_KAFKA_BOOTSTRAP)", failure);
        }
    }

    @Override
    public void stop() {
        if (reader != null) {
            reader.stop(Duration.ofSeconds(5));
            reader = null;
        }
        if (writer != null) {
            writer.shutdownNow();
            writer = null;
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
            producer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return reader != null;
    }

    @Override
    public int getPhase() {
        return 0;
    }

    /** One flip on its way: the record, its answer, and whether the producer is done with it. */
    private static final class Write {
        final RouteToggle record;
        final CompletableFuture<Void> answer = new CompletableFuture<>();
        volatile boolean producerDone;

        Write(RouteToggle record) {
            this.record = record;
        }
    }

    /** A flip answered "refused"; {@code end} is the log's end once the producer was done with it. */
    private static final class Refusal {
        final Write write;
        Map<TopicPartition, Long> end;

        Refusal(Write write) {
            this.write = write;
        }
    }

    /** A record this instance wrote, as read back: the state before it and what readers did with it. */
    private record Seen(RouteToggle record, RouteToggle before, Admission admission) {
    }
}
