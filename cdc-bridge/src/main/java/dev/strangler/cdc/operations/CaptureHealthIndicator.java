package dev.strangler.cdc.operations;

import dev.strangler.cdc.forward.CaptureMetrics;
import dev.strangler.cdc.forward.CapturePause;
import dev.strangler.cdc.forward.ForwardCapture;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** UP while the engine runs; DOWN, with the reason, once it stopped on its own. */
final class CaptureHealthIndicator implements HealthIndicator {

    private final ForwardCapture capture;
    private final CaptureMetrics metrics;
    private final CapturePause pause;

    CaptureHealthIndicator(ForwardCapture capture, CaptureMetrics metrics, CapturePause pause) {
        this.capture = capture;
        this.metrics = metrics;
        this.pause = pause;
    }

    @Override
    public Health health() {
        Health.Builder health = capture.isRunning() ? Health.up() : Health.down();
        if (capture.failure() != null) {
            health.withDetail("error", String.valueOf(capture.failure().getMessage()));
        }
        return health.withDetail("running", capture.isRunning())
                .withDetail("paused", pause.paused())
                .withDetail("lastEventAgeMillis", metrics.lastEventAgeMillis())
                .build();
    }
}
