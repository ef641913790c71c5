package dev.strangler.cdc.operations;

import dev.strangler.cdc.config.CdcProperties;
import dev.strangler.cdc.forward.CaptureMetrics;
import dev.strangler.cdc.forward.CapturePause;
import dev.strangler.cdc.forward.ForwardCapture;
import dev.strangler.cdc.outbox.OutboxRelay;
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
        return new CaptureStatus(capture.isRunning(), pause.paused(), metrics.lastEventAgeMillis(),
                metrics.lastPosition(), metrics.snapshotRows(), tables, outbox.status());
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
