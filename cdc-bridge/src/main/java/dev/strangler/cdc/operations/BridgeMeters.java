package dev.strangler.cdc.operations;

import dev.strangler.cdc.forward.ForwardCapture;
import dev.strangler.cdc.outbox.OutboxRelay;
import dev.strangler.cdc.reverse.ReversePath;
import dev.strangler.cdc.reverse.ReverseStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;

/**
 * The bridge's engines and its reverse path as meters, read when scraped: whether each engine runs, the outbox
 * events relayed, and what the reverse path did with the services' events. Per-table lag, events and snapshot rows
 * come from {@link dev.strangler.cdc.forward.CaptureMetrics}.
 */
final class BridgeMeters implements MeterBinder {

    private final ForwardCapture capture;
    private final OutboxRelay outbox;
    private final ReversePath reverse;

    BridgeMeters(ForwardCapture capture, OutboxRelay outbox, ReversePath reverse) {
        this.capture = capture;
        this.outbox = outbox;
        this.reverse = reverse;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        engine(registry, "forward", capture, c -> c.isRunning() ? 1 : 0);
        engine(registry, "outbox", outbox, o -> o.status().running() ? 1 : 0);
        engine(registry, "reverse", reverse, r -> r.status().running() && !r.status().failed() ? 1 : 0);
        Gauge.builder("kit.cdc.position.lost", this, meters -> capture.positionLost() || outbox.status().positionLost()
                        ? 1 : 0)
                .description("1 while a stored binlog position is gone from the server: run kit cdc resnapshot")
                .register(registry);
        FunctionCounter.builder("kit.cdc.outbox.published", outbox, o -> o.status().published())
                .description("outbox events relayed to Kafka").register(registry);
        reverse(registry, "applied", "services' events written to the legacy tables", ReverseStatistics.Snapshot::applied);
        reverse(registry, "duplicates", "redelivered events recognised and not written again",
                ReverseStatistics.Snapshot::duplicates);
        reverse(registry, "older.than.legacy", "events older than the legacy row, not written",
                ReverseStatistics.Snapshot::olderThanLegacy);
        reverse(registry, "unreadable", "events that could not be translated", ReverseStatistics.Snapshot::unreadable);
    }

    private static <T> void engine(MeterRegistry registry, String name, T engine, ToDoubleFunction<T> up) {
        Gauge.builder("kit.cdc.engine.up", engine, up).description("1 while the engine runs").tag("engine", name)
                .register(registry);
    }

    private void reverse(MeterRegistry registry, String what, String description,
                         ToDoubleFunction<ReverseStatistics.Snapshot> figure) {
        FunctionCounter.builder("kit.cdc.reverse." + what, reverse,
                        r -> figure.applyAsDouble(r.status().statistics()))
                .description(description).register(registry);
    }
}
