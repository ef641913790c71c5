package dev.strangler.cdc.barrier;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/cdc/barriers")
class BarrierController {

    private static final long GRACE_MILLIS = 2_000;

    private final Barriers barriers;
    private final BarrierProperties properties;

    BarrierController(Barriers barriers, BarrierProperties properties) {
        this.barriers = barriers;
        this.properties = properties;
    }

    /**
     * Waits until every change committed before this call has been applied by every consumer group of the
     * extracted services (and by the reverse path while it is on): 200 with the figures, or 504 with what lags.
     *
     * @param wait how long to wait at most, e.g. {@code 2s} (at most {@code kit.cdc.barrier.max-wait}, the default)
     */
    @PostMapping
    Barrier barrier(@RequestParam(required = false) String wait) throws Exception {
        Duration limit = limit(wait);
        Barrier barrier;
        try {
            // The barrier answers by itself within the limit; the grace covers reading the offsets one last time.
            barrier = barriers.request(limit).get(limit.toMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            barrier = new Barrier(false, 0, limit.toMillis(), List.of(),
                    Map.of("barrier", "did not finish within " + limit.toMillis() + " ms"));
        } catch (ExecutionException e) {
            throw new IllegalStateException("The barrier failed: " + e.getCause().getMessage(), e.getCause());
        }
        if (!barrier.complete()) {
            throw new BarrierIncompleteException(barrier);
        }
        return barrier;
    }

    private Duration limit(String wait) {
        if (wait == null || wait.isBlank()) {
            return properties.maxWait();
        }
        Duration asked;
        try {
            asked = DurationStyle.detectAndParse(wait);
        } catch (IllegalArgumentException e) {
            throw new InvalidBarrierRequestException(wait);
        }
        if (asked.isNegative()) {
            throw new InvalidBarrierRequestException(wait);
        }
        return asked.compareTo(properties.maxWait()) > 0 ? properties.maxWait() : asked;
    }
}
