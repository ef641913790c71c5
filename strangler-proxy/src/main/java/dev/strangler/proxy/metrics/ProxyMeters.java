package dev.strangler.proxy.metrics;

import dev.strangler.proxy.consistency.ReadYourWrites;
import dev.strangler.proxy.hold.WriteHolds;
import dev.strangler.proxy.route.Mode;
import dev.strangler.proxy.route.RouteProperties;
import dev.strangler.proxy.route.RouteTable;
import dev.strangler.proxy.routing.ExtractedBreakers;
import dev.strangler.proxy.shadow.ParityLedger;
import dev.strangler.proxy.shadow.ParityReport;
import dev.strangler.proxy.toggle.Toggles;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * The proxy's state as meters, per route: its mode and toggle version, the shadow comparisons, the writes held for
 * cut-overs, read-your-writes, and the extracted side's circuit breaker. Each reads the figures the admin API shows
 * when Prometheus scrapes, so none costs anything per request.
 */
@Component
class ProxyMeters implements MeterBinder {

    private final RouteTable table;
    private final Toggles toggles;
    private final ParityLedger parity;
    private final WriteHolds holds;
    private final ReadYourWrites readYourWrites;
    private final ExtractedBreakers breakers;

    ProxyMeters(RouteTable table, Toggles toggles, ParityLedger parity, WriteHolds holds,
                ReadYourWrites readYourWrites, ExtractedBreakers breakers) {
        this.table = table;
        this.toggles = toggles;
        this.parity = parity;
        this.holds = holds;
        this.readYourWrites = readYourWrites;
        this.breakers = breakers;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (RouteProperties route : table.all()) {
            String name = route.name();
            Gauge.builder("strangler.proxy.route.toggle.version", toggles, t -> t.current(name).version())
                    .description("flips of the route so far").tag("route", name).register(registry);
            Gauge.builder("strangler.proxy.route.canary.percent", toggles, t -> t.current(name).percent())
                    .description("the route's canary percentage").tag("route", name).register(registry);
            for (Mode mode : Mode.values()) {
                Gauge.builder("strangler.proxy.route.mode", toggles, t -> t.current(name).mode() == mode ? 1 : 0)
                        .description("1 for the route's current mode").tag("route", name)
                        .tag("mode", mode.name()).register(registry);
            }
            shadow(registry, name, "compared", "mirrored requests whose answers were compared",
                    ParityReport::compared);
            shadow(registry, name, "mismatched", "compared answers that differed beyond learned noise",
                    ParityReport::mismatched);
            shadow(registry, name, "in.flux", "answers not compared because what they name was being written",
                    ParityReport::inFlux);
            shadow(registry, name, "dropped", "requests not mirrored because the mirror queue was full",
                    ParityReport::dropped);
            FunctionCounter.builder("strangler.proxy.writes.held", holds, h -> h.figures(name).held())
                    .description("writes that waited for a cut-over, then went on").tag("route", name)
                    .register(registry);
            FunctionCounter.builder("strangler.proxy.writes.held.timed.out", holds, h -> h.figures(name).timedOut())
                    .description("writes that waited past the hold's max-wait and got a 503").tag("route", name)
                    .register(registry);
            Gauge.builder("strangler.proxy.writes.held.max", holds, h -> h.figures(name).maxMs() / 1000)
                    .description("the longest a held write waited").baseUnit("seconds").tag("route", name)
                    .register(registry);
            FunctionCounter.builder("strangler.proxy.consistency.redirected", readYourWrites,
                            r -> r.figures(name).redirectedReads())
                    .description("reads sent to the side that took a write they depend on").tag("route", name)
                    .register(registry);
            FunctionCounter.builder("strangler.proxy.consistency.waited", readYourWrites,
                            r -> r.figures(name).waited())
                    .description("requests that waited for the change feed").tag("route", name).register(registry);
            FunctionCounter.builder("strangler.proxy.consistency.timed.out", readYourWrites,
                            r -> r.figures(name).waitTimedOut())
                    .description("requests served after max-wait without the change feed's confirmation")
                    .tag("route", name).register(registry);
        }
        // Every extractable route's breaker exists from the start (they are made on first use), so each has meters.
        table.all().stream().filter(RouteProperties::extractable).forEach(breakers::state);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers.registry()).bindTo(registry);
    }

    private void shadow(MeterRegistry registry, String route, String what, String description,
                        ToDoubleFunction<ParityReport> figure) {
        FunctionCounter.builder("strangler.proxy.shadow." + what, parity, p -> figure.applyAsDouble(p.report(route)))
                .description(description).tag("route", route).register(registry);
    }
}
