package dev.strangler.proxy.admin;

import dev.strangler.proxy.consistency.ReadYourWrites;
import dev.strangler.proxy.hold.WriteHolds;
import dev.strangler.proxy.route.RouteProperties;
import dev.strangler.proxy.route.RouteTable;
import dev.strangler.proxy.routing.ExtractedBreakers;
import dev.strangler.proxy.routing.RouteStatistics;
import dev.strangler.proxy.shadow.ParityLedger;
import dev.strangler.proxy.shadow.ParityReport;
import dev.strangler.proxy.toggle.Flip;
import dev.strangler.proxy.toggle.FlipCommand;
import dev.strangler.proxy.toggle.Flips;
import dev.strangler.proxy.toggle.RouteToggle;
import dev.strangler.proxy.toggle.UnknownRouteException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import reactor.core.publisher.Mono;

/** Assembles what the admin API shows from the route table, the toggles and this instance's figures. */
class RouteViews {

    private final RouteTable table;
    private final Flips flips;
    private final RouteStatistics statistics;
    private final ExtractedBreakers breakers;
    private final ParityLedger parity;
    private final WriteHolds holds;
    private final ReadYourWrites readYourWrites;

    RouteViews(RouteTable table, Flips flips, RouteStatistics statistics, ExtractedBreakers breakers,
            ParityLedger parity, WriteHolds holds, ReadYourWrites readYourWrites) {
        this.table = table;
        this.flips = flips;
        this.statistics = statistics;
        this.breakers = breakers;
        this.parity = parity;
        this.holds = holds;
        this.readYourWrites = readYourWrites;
    }

    List<RouteView> all() {
        return table.all().stream().map(route -> view(route, flips.current(route.name()))).toList();
    }

    RouteView one(String name) {
        return view(route(name), flips.current(name));
    }

    /** A flip that holds writes answers once the route's writes already in flight have finished. */
    Mono<RouteView> flip(String name, FlipCommand command) {
        return flips.flip(name, command)
                .flatMap(toggle -> command.holds() ? holds.drained(name).thenReturn(toggle) : Mono.just(toggle))
                .map(toggle -> view(route(name), toggle));
    }

    List<Flip> history(String name) {
        route(name);
        List<Flip> newestFirst = new ArrayList<>(flips.current(name).history());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    List<RouteFlip> allHistory() {
        return table.all().stream()
                .flatMap(route -> flips.current(route.name()).history().stream()
                        .map(flip -> new RouteFlip(route.name(), flip)))
                .sorted(Comparator.comparing((RouteFlip f) -> f.flip().at()).reversed())
                .toList();
    }

    ReadYourWrites.Status consistency() {
        return readYourWrites.status();
    }

    ParityReport parity(String name) {
        route(name);
        return parity.report(name);
    }

    List<ParityReport> allParity() {
        return table.all().stream().filter(RouteProperties::extractable)
                .map(route -> parity.report(route.name())).toList();
    }

    private RouteProperties route(String name) {
        return table.find(name).orElseThrow(() -> new UnknownRouteException(name));
    }

    private RouteView view(RouteProperties route, RouteToggle toggle) {
        ParityReport report = parity.report(route.name());
        Flip last = toggle.history().isEmpty() ? null : toggle.history().get(toggle.history().size() - 1);
        return new RouteView(route.name(), route.paths(), route.methods(), route.legacyUri().toString(),
                route.extractedUri() == null ? null : route.extractedUri().toString(),
                toggle.mode().name(), toggle.percent(), toggle.version(), last,
                route.extractable() ? breakers.state(route) : null, statistics.snapshot(route.name()),
                new RouteView.ParitySummary(report.compared(), report.mismatched(), report.parityPercent()),
                toggle.writesHeld(Instant.now()) ? toggle.hold() : null, holds.figures(route.name()),
                readYourWrites.figures(route.name()), ignoredPaths(route, toggle));
    }

    private static List<String> ignoredPaths(RouteProperties route, RouteToggle toggle) {
        List<String> paths = new ArrayList<>(route.diff().ignorePaths());
        toggle.ignorePaths().stream().filter(path -> !paths.contains(path)).forEach(paths::add);
        return paths;
    }
}
