package dev.strangler.proxy.shadow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.LongAdder;

/**
 * The comparison tallies of one route. Mismatches are counted by their set of differing fields, so the parity
 * figure can be recomputed whenever noise is learned, also for requests compared before it was: a mismatch whose
 * fields are all noise counts as a match.
 */
final class RouteParity {

    private static final int NOISE_FIELDS_KEPT = 200;

    final LongAdder compared = new LongAdder();
    final LongAdder matched = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder skipped = new LongAdder();
    final LongAdder mirrorErrors = new LongAdder();
    final LongAdder noiseSamples = new LongAdder();
    private final LongAdder unclassified = new LongAdder();
    private final Map<Set<String>, LongAdder> signatures = new ConcurrentHashMap<>();
    private final Map<String, NoiseField> noise = new ConcurrentHashMap<>();
    private final Deque<Mismatch> latest = new ConcurrentLinkedDeque<>();
    private final int signaturesKept;
    private final int mismatchesKept;

    RouteParity(int signaturesKept, int mismatchesKept) {
        this.signaturesKept = signaturesKept;
        this.mismatchesKept = mismatchesKept;
    }

    void compared(Set<String> differences, Mismatch mismatch) {
        compared.increment();
        if (differences.isEmpty()) {
            matched.increment();
            return;
        }
        LongAdder count = signatures.get(differences);
        if (count == null && signatures.size() < signaturesKept) {
            count = signatures.computeIfAbsent(Set.copyOf(differences), key -> new LongAdder());
        }
        (count != null ? count : unclassified).increment();
        latest.addFirst(mismatch);
        while (latest.size() > mismatchesKept) {
            latest.pollLast();
        }
    }

    void noise(Set<String> differences, Instant at) {
        noiseSamples.increment();
        for (String path : differences) {
            if (noise.size() < NOISE_FIELDS_KEPT || noise.containsKey(path)) {
                noise.merge(path, new NoiseField(path, 1, at, at), (old, seen) ->
                        new NoiseField(path, old.occurrences() + 1, old.firstSeen(), seen.lastSeen()));
            }
        }
    }

    ParityReport report(String route) {
        Set<String> noisy = Set.copyOf(noise.keySet());
        long mismatched = unclassified.sum();
        for (Map.Entry<Set<String>, LongAdder> signature : signatures.entrySet()) {
            if (!noisy.containsAll(signature.getKey())) {
                mismatched += signature.getValue().sum();
            }
        }
        long total = compared.sum();
        Double parity = total == 0 ? null : Math.round(10_000.0 * (total - mismatched) / total) / 100.0;
        List<NoiseField> fields = new ArrayList<>(noise.values());
        fields.sort(Comparator.comparingLong(NoiseField::occurrences).reversed()
                .thenComparing(NoiseField::path));
        List<Mismatch> mismatches = latest.stream()
                .filter(m -> !noisy.containsAll(m.differences())).toList();
        return new ParityReport(route, total, matched.sum(), mismatched, parity, dropped.sum(), skipped.sum(),
                mirrorErrors.sum(), noiseSamples.sum(), fields, mismatches);
    }
}
