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

    CaptureHealthIndicator(ForwardCapture capture, CaptureMetrics metrics, CapturePause pause, OutboxRelay outbox,
                           ReversePath reverse) {
        this.capture = capture;
        this.metrics = metrics;
        this.pause = pause;
        this.outbox = outbox;
        this.reverse = reverse;
    }

    @Override
    public Health health() {
        OutboxRelay.Status relay = outbox.status();
        ReversePath.Status reversePath = reverse.status();
        boolean reverseDown = reversePath.enabled() && !reversePath.running();
        Health.Builder health = capture.isRunning() && relay.running() && !reverseDown ? Health.up() : Health.down();
        if (capture.failure() != null) {
            health.withDetail("error", "forward path: " + capture.failure().getMessage());
        } else if (relay.failure() != null) {
            health.withDetail("error", "outbox relay: " + relay.failure());
        } else if (reverseDown) {
            health.withDetail("error", "the reverse path is switched on but its consumer is not running");
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
