package dev.strangler.cdc.forward;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the forward path has published: events per table, lag from the source commit to Kafka's acknowledgement,
 * the last source position and when the last event arrived. Exposed as Micrometer meters and to the health check.
 */
public final class CaptureMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Counter> events = new ConcurrentHashMap<>();
    private final Map<String, Counter> echoes = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lagMillis = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lastEventAtByTable = new ConcurrentHashMap<>();
    private final AtomicLong lastEventAt = new AtomicLong();
    private final AtomicReference<SourcePosition> lastPosition = new AtomicReference<>();
    private final AtomicLong snapshotRows = new AtomicLong();

    public CaptureMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        Gauge.builder("kit.cdc.snapshot.rows", snapshotRows, AtomicLong::get)
                .description("rows read by the initial snapshot (backfill)").register(registry);
    }

    void published(String table, SourcePosition position) {
        long now = clock.millis();
        events.computeIfAbsent(table, t -> Counter.builder("kit.cdc.events").tag("table", t)
                .description("change events published to Kafka").register(registry)).increment();
        long lag = position.committedAtMillis() > 0 ? Math.max(0, now - position.committedAtMillis()) : 0;
        lagMillis.computeIfAbsent(table, t -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("kit.cdc.lag", value, AtomicLong::get).tag("table", t).baseUnit("milliseconds")
                    .description("source commit to Kafka acknowledgement, last event").register(registry);
            return value;
        }).set(lag);
        if (position.snapshot()) {
            snapshotRows.incrementAndGet();
        }
        lastEventAtByTable.computeIfAbsent(table, t -> new AtomicLong()).set(now);
        lastEventAt.set(now);
        lastPosition.set(position);
    }

    void echoPublished(String table) {
        echoes.computeIfAbsent(table, t -> Counter.builder("kit.cdc.echoes").tag("table", t)
                .description("changes written by the reverse path, published with the kit-echo header")
                .register(registry)).increment();
    }

    public long echoes(String table) {
        Counter counter = echoes.get(table);
        return counter == null ? 0 : (long) counter.count();
    }

    public long eventCount(String table) {
        Counter counter = events.get(table);
        return counter == null ? 0 : (long) counter.count();
    }

    public Map<String, Long> lagMillisByTable() {
        Map<String, Long> lags = new TreeMap<>();
        lagMillis.forEach((table, lag) -> lags.put(table, lag.get()));
        return lags;
    }

    /**
     * Per table, milliseconds since its last event (absent before the first). A table's lag is that of its last
     * event, so a table that has been quiet for a while shows an old figure: its age says how old.
     */
    public Map<String, Long> lastEventAgeMillisByTable() {
        long now = clock.millis();
        Map<String, Long> ages = new TreeMap<>();
        lastEventAtByTable.forEach((table, at) -> ages.put(table, now - at.get()));
        return ages;
    }

    /** Milliseconds since the last event, or -1 before the first. */
    public long lastEventAgeMillis() {
        long last = lastEventAt.get();
        return last == 0 ? -1 : clock.millis() - last;
    }

    public SourcePosition lastPosition() {
        return lastPosition.get();
    }

    public long snapshotRows() {
        return snapshotRows.get();
    }
}
