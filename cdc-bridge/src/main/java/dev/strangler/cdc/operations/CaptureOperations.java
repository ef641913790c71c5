package dev.strangler.cdc.operations;

import dev.strangler.cdc.config.CdcProperties;
import dev.strangler.cdc.forward.CaptureMetrics;
import dev.strangler.cdc.forward.CapturePause;
import dev.strangler.cdc.forward.ForwardCapture;
import dev.strangler.cdc.outbox.OutboxRelay;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Pause, resume, re-snapshot and status of the forward path (and the outbox relay's figures). */
public final class CaptureOperations {

    private final CdcProperties cdc;
    private final ForwardCapture capture;
    private final CaptureMetrics metrics;
    private final CapturePause pause;
    private final SnapshotRequests snapshots;
    private final OutboxRelay outbox;

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
        return new CaptureStatus(capture.isRunning(), pause.paused(), metrics.lastEventAgeMillis(),
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
     * @return what was restarted
     */
    public Recovery recover() {
        return new Recovery(capture.recover(), outbox.recover());
    }

    /**
     * @param forwardRestarted whether the forward path was started again
     * @param outboxRestarted  whether the outbox relay was
     */
    public record Recovery(boolean forwardRestarted, boolean outboxRestarted) {
    }

    public CaptureStatus pause() {
        pause.pause();
        return status();
    }

    public CaptureStatus resume() {
        pause.resume();
        return status();
    }

    public String snapshot(String table, List<Object> keys) {
        return snapshots.request(table, keys);
    }
}
