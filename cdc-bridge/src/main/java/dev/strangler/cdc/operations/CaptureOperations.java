package dev.strangler.cdc.operations;

import dev.strangler.cdc.config.CdcProperties;
import dev.strangler.cdc.config.DebeziumConfiguration;
import dev.strangler.cdc.forward.CaptureMetrics;
import dev.strangler.cdc.forward.CapturePause;
import dev.strangler.cdc.forward.ForwardCapture;
import dev.strangler.cdc.outbox.OutboxRelay;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Pause, resume, re-snapshot and status of the forward path (and the outbox relay's figures). */
public final class CaptureOperations {

    private static final Logger log = LoggerFactory.getLogger(CaptureOperations.class);

    private final CdcProperties cdc;
    private final ForwardCapture capture;
    private final CaptureMetrics metrics;
    private final CapturePause pause;
    private final SnapshotRequests snapshots;
    private final OutboxRelay outbox;
    private volatile String pausedBy;

    public CaptureOperations(CdcProperties cdc, ForwardCapture capture, CaptureMetrics metrics, CapturePause pause,
                             SnapshotRequests snapshots, OutboxRelay outbox) {
        this.cdc = cdc;
        this.capture = capture;
        this.metrics = metrics;
        this.pause = pause;
        this.snapshots = snapshots;
        this.outbox = outbox;
    }

    public CaptureStatus status() {
        Map<String, Long> lags = metrics.lagMillisByTable();
        Map<String, Long> ages = metrics.lastEventAgeMillisByTable();
        List<CaptureStatus.TableStatus> tables = cdc.tables().stream().map(table -> new CaptureStatus.TableStatus(
                table.table(), table.topic(), metrics.eventCount(table.table()), lags.getOrDefault(table.table(), 0L),
                ages.getOrDefault(table.table(), -1L), metrics.echoes(table.table())))
                .toList();
        OutboxRelay.Status relay = outbox.status();
        String problem = problem(relay);
        boolean paused = pause.paused();
        return new CaptureStatus(capture.isRunning(), paused, paused ? pausedBy : null, metrics.lastEventAgeMillis(),
                metrics.lastPosition(), metrics.snapshotRows(), tables, relay, problem,
                capture.positionLost() || relay.positionLost() ? CaptureStatus.RESNAPSHOT : null);
    }

    /** In one line: what keeps the bridge from capturing, or null. */
    String problem(OutboxRelay.Status relay) {
        if (capture.positionLost() || relay.positionLost()) {
            return "the " + (capture.positionLost() ? "forward path's" : "outbox relay's") + " binlog position is no "
                    + "longer on the server (binlog purged, or the database restored or re-created)";
        }
        if (capture.failure() != null) {
            return "the forward path stopped: " + capture.failure().getMessage() + restarting(capture.restartAt());
        }
        return relay.failure() == null ? null
                : "the outbox relay stopped: " + relay.failure() + restarting(outbox.restartAt());
    }

    private static String restarting(Instant at) {
        return at == null ? "" : "; it starts again by itself at " + at;
    }

    /**
     * Starts each engine that stopped on its own again, snapshotting when its position is gone.
     *
     * @param by the control token's name that asked
     * @return what was restarted
     */
    public Recovery recover(String by) {
        Recovery recovery = new Recovery(capture.recover(), outbox.recover());
        log.info("Recovery asked by token '{}': {}", by, recovery);
        return recovery;
    }

    /**
     * @param forwardRestarted whether the forward path was started again
     * @param outboxRestarted  whether the outbox relay was
     */
    public record Recovery(boolean forwardRestarted, boolean outboxRestarted) {
    }

    /** @param by the control token's name that asked, shown in the status while paused and logged */
    public CaptureStatus pause(String by) {
        requireEmbedded("pause");
        pausedBy = by;
        pause.pause();
        log.info("Forward capture paused by token '{}'", by);
        return status();
    }

    public CaptureStatus resume(String by) {
        requireEmbedded("resume");
        pause.resume();
        log.info("Forward capture resumed by token '{}'", by);
        return status();
    }

    private void requireEmbedded(String operation) {
        if (cdc.forward().onKafkaConnect()) {
            throw new ForwardOnKafkaConnectException(operation, DebeziumConfiguration.forwardName(cdc));
        }
    }

    public String snapshot(String table, List<Object> keys, String by) {
        String signal = snapshots.request(table, keys);
        log.info("Snapshot {} of {} ({} keys) asked by token '{}'", signal, table,
                keys == null || keys.isEmpty() ? "all" : keys.size(), by);
        return signal;
    }
}
