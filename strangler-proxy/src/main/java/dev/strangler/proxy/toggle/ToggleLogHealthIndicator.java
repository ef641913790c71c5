package dev.strangler.proxy.toggle;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The toggle log in the proxy's health: DOWN while its reader does not follow the log (this instance would route on
 * a state other instances have left), with the reason; the routes whose last flip awaits settling, as a detail.
 */
@Component("toggleLogHealthIndicator")
class ToggleLogHealthIndicator implements HealthIndicator {

    private final ToggleLog log;

    ToggleLogHealthIndicator(ToggleLog log) {
        this.log = log;
    }

    @Override
    public Health health() {
        Exception failure = log.readerFailure();
        Health.Builder health = failure == null ? Health.up() : Health.down().withDetail("error",
                "the toggle log reader does not follow the log, so flips made elsewhere do not reach this instance: "
                        + failure.getMessage());
        return health.withDetail("appliedOffset", log.appliedOffset())
                .withDetail("unresolvedRoutes", log.unresolvedRoutes())
                .build();
    }
}
