package dev.strangler.cdc.operations;

import dev.strangler.cdc.forward.CaptureMetrics;
import dev.strangler.cdc.forward.CapturePause;
import dev.strangler.cdc.forward.ForwardCapture;
import dev.strangler.cdc.outbox.OutboxRelay;
import dev.strangler.cdc.reverse.ReversePath;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP while every worker the bridge depends on runs: the forward engine, the outbox relay, and the reverse path when
 * it is switched on. DOWN, with the reason, once one of them stopped on its own.
 */
final class CaptureHealthIndicator implements HealthIndicator {

    private final ForwardCapture capture;
    private final CaptureMetrics metrics;
    private final CapturePause pause;
    private final OutboxRelay outbox;
    private final ReversePath reverse;
    private final CaptureOperations operations;

    CaptureHealthIndicator(ForwardCapture capture, CaptureMetrics metrics, CapturePause pause, OutboxRelay outbox,
                           ReversePath reverse, CaptureOperations operations) {
        this.capture = capture;
        this.metrics = metrics;
        this.pause = pause;
        this.outbox = outbox;
        this.reverse = reverse;
        this.operations = operations;
    }

    @Override
    public Health health() {
        OutboxRelay.Status relay = outbox.status();
        ReversePath.Status reversePath = reverse.status();
        boolean reverseDown = reversePath.enabled() && (!reversePath.running() || reversePath.failed());
        Health.Builder health = capture.isRunning() && relay.running() && !reverseDown ? Health.up() : Health.down();
        String problem = operations.problem(relay);
        if (problem != null) {
            health.withDetail("error", problem);
        } else if (reverseDown) {
            health.withDetail("error", "the reverse path is switched on but its consumer "
                    + (reversePath.failed() ? "stopped on an error (see the bridge's log)" : "is not running"));
        }
        if (capture.positionLost() || relay.positionLost()) {
            health.withDetail("action", CaptureStatus.RESNAPSHOT); // the kit shows it and keeps the stack up
        }
        return health.withDetail("running", capture.isRunning())
                .withDetail("paused", pause.paused())
                .withDetail("lastEventAgeMillis", metrics.lastEventAgeMillis())
                .withDetail("outboxRelayRunning", relay.running())
                .withDetail("reversePath", reversePath.enabled() ? (reversePath.running() ? "on" : "on, not running")
                        : "off")
                .build();
    }
}
