package dev.strangler.proxy.shadow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The comparison tallies of one route. Mismatches are grouped by their set of differing fields, each group with its
 * count, first and last time and its first few examples, so the parity figure can be recomputed whenever noise is
 * learned (also for requests compared before it was: a group whose fields are all noise counts as matched), and no
 * number of noise-only answers can push a real difference out of the report.
 */
final class RouteParity {

    private static final int NOISE_FIELDS_KEPT = 200;

    final LongAdder compared = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder skipped = new LongAdder();
    final LongAdder inFlux = new LongAdder();
    final LongAdder mirrorErrors = new LongAdder();
    final LongAdder noiseSamples = new LongAdder();
    private final LongAdder identical = new LongAdder();
    private final LongAdder unclassified = new LongAdder();
    private final Map<Set<String>, Group> groups = new ConcurrentHashMap<>();
    private final Map<String, NoiseField> noise = new ConcurrentHashMap<>();
    private final int groupsKept;
    private final int examplesPerGroup;

    RouteParity(int groupsKept, int examplesPerGroup) {
        this.groupsKept = groupsKept;
        this.examplesPerGroup = examplesPerGroup;
    }

    void compared(Set<String> differences, Mismatch mismatch) {
        compared.increment();
        if (differences.isEmpty()) {
            identical.increment();
            return;
        }
        Group group = groups.get(differences);
        if (group == null && groups.size() < groupsKept) {
            group = groups.computeIfAbsent(Set.copyOf(differences), fields -> new Group());
        }
        if (group == null) {
            unclassified.increment(); // beyond the cap: counted against parity, not listed
            return;
        }
        group.add(mismatch, examplesPerGroup);
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
        long noiseOnly = 0;
        long mismatched = unclassified.sum();
        List<MismatchGroup> real = new ArrayList<>();
        for (Map.Entry<Set<String>, Group> entry : groups.entrySet()) {
            MismatchGroup group = entry.getValue().snapshot(entry.getKey());
            if (noisy.containsAll(entry.getKey())) {
                noiseOnly += group.count();
            } else {
                mismatched += group.count();
                real.add(group);
            }
        }
        real.sort(Comparator.comparingLong(MismatchGroup::count).reversed()
                .thenComparing(MismatchGroup::lastSeen, Comparator.reverseOrder()));
        long total = compared.sum();
        Double parity = total == 0 ? null : Math.round(10_000.0 * (total - mismatched) / total) / 100.0;
        List<NoiseField> fields = new ArrayList<>(noise.values());
        fields.sort(Comparator.comparingLong(NoiseField::occurrences).reversed().thenComparing(NoiseField::path));
        return new ParityReport(route, total, identical.sum() + noiseOnly, mismatched, parity, dropped.sum(),
                skipped.sum(), inFlux.sum(), mirrorErrors.sum(), noiseSamples.sum(), fields, real);
    }

    /** One set of differing fields: how often, when, and its first examples. */
    private static final class Group {

        private final List<Mismatch> examples = new ArrayList<>();
        private long count;
        private Instant firstSeen;
        private Instant lastSeen;

        synchronized void add(Mismatch mismatch, int examplesKept) {
            count++;
            if (firstSeen == null) {
                firstSeen = mismatch.at();
            }
            lastSeen = mismatch.at();
            if (examples.size() < examplesKept) {
                examples.add(mismatch);
            }
        }

        synchronized MismatchGroup snapshot(Set<String> fields) {
            return new MismatchGroup(fields.stream().sorted().toList(), count, firstSeen, lastSeen,
                    List.copyOf(examples));
        }
    }
}
