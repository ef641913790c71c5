package dev.strangler.proxy.shadow;

import dev.strangler.diff.DiffRules;
import dev.strangler.diff.Difference;
import dev.strangler.diff.ResponseComparator;
import dev.strangler.proxy.consistency.ReadYourWrites;
import dev.strangler.proxy.instances.InstancePools;
import dev.strangler.proxy.route.ProxyProperties;
import dev.strangler.proxy.route.RouteProperties;
import dev.strangler.proxy.toggle.Toggles;
import dev.strangler.proxy.web.SafeMethods;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mirrors one request and records the outcome: the extracted service's answer against the monolith's, and for a
 * sample of safe requests a second answer of the monolith against its first, to learn noise. A write is never sent
 * to the monolith twice. When what the request names was being written (a write pending when the monolith answered,
 * or one since), the answers saw different states: the request is counted as in flux, neither compared nor learned
 * from, so the change feed's lag never shows as a mismatch or as noise.
 */
@Component
class MirrorComparison {

    private final MirrorClient client;
    private final InstancePools instances;
    private final ParityLedger ledger;
    private final ReadYourWrites readYourWrites;
    private final JsonMapper json;
    private final int bodyCap;
    private final Clock clock = Clock.systemUTC();
    private final Toggles toggles;
    private final Map<String, Comparator> comparators = new ConcurrentHashMap<>();

    /** A route's comparator, built for the paths ignored at runtime when it was made. */
    private record Comparator(List<String> runtimeIgnored, ResponseComparator comparator) {
    }

    MirrorComparison(MirrorClient client, InstancePools instances, ParityLedger ledger,
                     ReadYourWrites readYourWrites, JsonMapper json, ProxyProperties properties, Toggles toggles) {
        this.toggles = toggles;
        this.client = client;
        this.instances = instances;
        this.ledger = ledger;
        this.readYourWrites = readYourWrites;
        this.json = json;
        this.bodyCap = properties.shadow().mismatchBodyCap();
    }

    Mono<Void> run(MirrorJob job) {
        RouteProperties route = job.route();
        Duration timeout = route.resilience().timeout();
        Mono<CapturedResponse> extracted = instances.pick(route.extractedUri())
                .flatMap(instance -> client.send(instance, job, timeout));
        Mono<Optional<CapturedResponse>> legacyAgain = sampleNoise(job)
                ? instances.pick(route.legacyUri()).flatMap(instance -> client.send(instance, job, timeout))
                        .map(Optional::of).onErrorReturn(Optional.empty())
                : Mono.just(Optional.empty());
        RouteParity parity = ledger.of(route.name());
        ResponseComparator comparator = comparator(route);
        return Mono.zip(extracted, legacyAgain).doOnNext(answers -> {
            if (job.view() != null && !readYourWrites.unchangedSince(job.view())) {
                parity.inFlux.increment(); // the answers saw different states: neither a mismatch nor noise
                return;
            }
            answers.getT2().ifPresent(second -> parity.noise(differences(comparator, job.legacy(), second),
                    clock.instant()));
            Set<String> differences = differences(comparator, job.legacy(), answers.getT1());
            parity.compared(differences, differences.isEmpty() ? null : mismatch(job, answers.getT1(), differences));
        }).doOnError(error -> parity.mirrorErrors.increment()).onErrorResume(error -> Mono.empty()).then();
    }

    /** The route's configured rules plus the paths ignored at runtime; rebuilt only when those change. */
    private ResponseComparator comparator(RouteProperties route) {
        List<String> runtimeIgnored = toggles.current(route.name()).ignorePaths();
        Comparator cached = comparators.get(route.name());
        if (cached != null && cached.runtimeIgnored().equals(runtimeIgnored)) {
            return cached.comparator();
        }
        DiffRules configured = route.diff().rules();
        List<String> ignored = new ArrayList<>(configured.ignorePaths());
        ignored.addAll(runtimeIgnored);
        Comparator fresh = new Comparator(runtimeIgnored, new ResponseComparator(
                new DiffRules(ignored, configured.compareHeaders(), configured.unorderedArrays()), json));
        comparators.put(route.name(), fresh);
        return fresh.comparator();
    }

    private static Set<String> differences(ResponseComparator comparator, CapturedResponse left,
                                           CapturedResponse right) {
        return Difference.paths(comparator.differences(left.compared(), right.compared()));
    }

    private static boolean sampleNoise(MirrorJob job) {
        boolean safe = SafeMethods.isSafe(job.method());
        int percent = job.route().shadow().noiseSamplePercent();
        return safe && percent > 0 && ThreadLocalRandom.current().nextInt(100) < percent;
    }

    private Mismatch mismatch(MirrorJob job, CapturedResponse extracted, Set<String> differences) {
        return new Mismatch(clock.instant(), job.requestId(), job.method(), job.pathAndQuery(),
                List.copyOf(differences), job.legacy().status(), extracted.status(), cut(job.legacy().body()),
                cut(extracted.body()));
    }

    private String cut(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= bodyCap ? text : text.substring(0, bodyCap) + "…";
    }
}
