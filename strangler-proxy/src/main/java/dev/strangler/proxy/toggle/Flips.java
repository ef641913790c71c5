package dev.strangler.proxy.toggle;

import dev.strangler.proxy.route.Mode;
import dev.strangler.proxy.route.RouteProperties;
import dev.strangler.proxy.route.RouteTable;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;
import reactor.core.publisher.Mono;

/**
 * Validates and writes flips. Everything is checked before anything is written, so a rejected flip leaves the
 * route exactly as it was; a written flip is the next version of the route's record.
 */
@Service
public class Flips {

    private final RouteTable table;
    private final Toggles toggles;
    private final ToggleLog log;
    private final ToggleLogProperties properties;
    private final Clock clock;

    Flips(RouteTable table, Toggles toggles, ToggleLog log, ToggleLogProperties properties) {
        this.table = table;
        this.toggles = toggles;
        this.log = log;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    public Mono<RouteToggle> flip(String routeName, FlipCommand command) {
        RouteProperties route = table.find(routeName).orElseThrow(() -> new UnknownRouteException(routeName));
        if (command.mode() == null && command.percent() == null && command.holdWrites() == null
                && command.ignorePath() == null) {
            throw new InvalidFlipException("Give a mode, a percent, holdWrites, ignorePath, or several of them");
        }
        if (command.ignorePath() != null && !command.ignorePath().strip().startsWith("$")) {
            throw new InvalidFlipException("ignorePath must be a JSON path such as $.updatedAt or $..id; the status "
                    + "and headers are compared by the route's configuration, not ignored at runtime");
        }
        if (command.ignorePath() != null && !route.extractable()) {
            throw new RouteNotExtractableException(routeName);
        }
        RouteToggle current = toggles.current(routeName);
        Mode mode = command.mode() == null ? current.mode() : parse(command.mode());
        double percent = command.percent() == null ? current.percent() : command.percent();
        if (percent < 0 || percent > 100 || Double.isNaN(percent)) {
            throw new InvalidFlipException("percent must be between 0 and 100");
        }
        if (mode != Mode.LEGACY && !route.extractable()) {
            throw new RouteNotExtractableException(routeName);
        }
        if (log.unresolved(routeName)) {
            throw new ToggleLogUnavailableException("An earlier flip of route '" + routeName + "' was refused and "
                    + "the toggle log has not yet shown that its record will never apply; retry once Kafka is "
                    + "reachable again");
        }
        Instant now = clock.instant();
        if (command.ignoresOnly()) {
            String path = command.ignorePath().strip();
            Flip entry = new Flip(current.version() + 1, now, by(command), "ignore " + path
                    + " in the shadow comparison: " + command.reason(), current.mode(), current.percent(),
                    current.mode(), current.percent(), properties.instanceName(), false,
                    statedBy(command));
            return write(routeName, current.ignoring(path, entry, properties.historyPerRoute(), log.deadline()));
        }
        Flip flip = new Flip(current.version() + 1, now,
                by(command), command.reason(),
                current.mode(), current.percent(), mode, percent, properties.instanceName(), command.holds(),
                statedBy(command));
        WritesHold hold = command.holds() ? new WritesHold(now, now.plus(properties.holdLease()), command.reason())
                : null;
        RouteToggle next = current.next(flip, properties.historyPerRoute(), hold, log.deadline());
        if (command.ignorePath() != null) {
            next = next.ignoring(command.ignorePath().strip(), flip, properties.historyPerRoute(), next.deadline());
        }
        return write(routeName, next);
    }

    private Mono<RouteToggle> write(String routeName, RouteToggle next) {
        return Mono.fromFuture(() -> log.write(next))
                .onErrorMap(error -> new ToggleLogUnavailableException(
                        error instanceof CompletionException ? error.getCause() : error))
                .then(Mono.fromSupplier(() -> toggles.current(routeName)));
    }

    public RouteToggle current(String routeName) {
        table.find(routeName).orElseThrow(() -> new UnknownRouteException(routeName));
        return toggles.current(routeName);
    }

    private static String by(FlipCommand command) {
        return StringUtils.hasText(command.by()) ? command.by() : "unknown";
    }

    private static String statedBy(FlipCommand command) {
        return StringUtils.hasText(command.statedBy()) ? command.statedBy() : null;
    }

    private static Mode parse(String mode) {
        try {
            return Mode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFlipException("Unknown mode '" + mode + "'; use one of "
                    + Arrays.toString(Mode.values()));
        }
    }
}
