package dev.strangler.proxy.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteParityTests {

    @Test
    void mismatchesOnLearnedNoiseAlsoEarlierOnesCountAsMatched() {
        RouteParity parity = new RouteParity(10, 5);
        parity.compared(Set.of(), null);
        parity.compared(Set.of("$.generatedAt"), mismatch("$.generatedAt"));
        parity.compared(Set.of("$.generatedAt", "$.name"), mismatch("$.generatedAt", "$.name"));
        parity.compared(Set.of(), null);

        ParityReport before = parity.report("r");
        assertThat(before.mismatched()).isEqualTo(2);
        assertThat(before.matched()).isEqualTo(2);
        assertThat(before.parityPercent()).isEqualTo(50.0);

        parity.noise(Set.of("$.generatedAt"), Instant.now());
        ParityReport after = parity.report("r");
        assertThat(after.mismatched()).isEqualTo(1);
        assertThat(after.matched()).as("equal but for noise").isEqualTo(3);
        assertThat(after.parityPercent()).isEqualTo(75.0);
        assertThat(after.noise()).extracting(NoiseField::path).containsExactly("$.generatedAt");
        assertThat(after.mismatchGroups()).singleElement()
                .satisfies(group -> assertThat(group.fields()).containsExactly("$.generatedAt", "$.name"));
    }

    @Test
    void noiseOnlyAnswersNeverPushARealDifferenceOutOfTheReport() {
        // A backend whose every answer carries a timestamp: the real differences come first, noise after.
        RouteParity parity = new RouteParity(10, 3);
        for (int i = 0; i < 21; i++) {
            parity.compared(Set.of("$.generatedAt", "$.price"), mismatch("$.generatedAt", "$.price"));
        }
        for (int i = 0; i < 100; i++) {
            parity.compared(Set.of("$.generatedAt"), mismatch("$.generatedAt"));
        }
        parity.noise(Set.of("$.generatedAt"), Instant.now());

        ParityReport report = parity.report("r");
        assertThat(report.mismatched()).isEqualTo(21);
        assertThat(report.matched()).isEqualTo(100);
        assertThat(report.mismatchGroups()).singleElement().satisfies(group -> {
            assertThat(group.fields()).containsExactly("$.generatedAt", "$.price");
            assertThat(group.count()).isEqualTo(21);
            assertThat(group.examples()).hasSize(3);
            assertThat(group.firstSeen()).isBeforeOrEqualTo(group.lastSeen());
        });
    }

    @Test
    void groupsTheMostFrequentFirstAndCountsGroupsBeyondTheCapInBulk() {
        RouteParity parity = new RouteParity(2, 2);
        parity.compared(Set.of("$.a"), mismatch("$.a"));
        parity.compared(Set.of("$.b"), mismatch("$.b"));
        parity.compared(Set.of("$.b"), mismatch("$.b"));
        parity.compared(Set.of("$.c"), mismatch("$.c"));

        ParityReport report = parity.report("r");
        assertThat(report.mismatched()).isEqualTo(4);
        assertThat(report.parityPercent()).isEqualTo(0.0);
        assertThat(report.mismatchGroups()).extracting(group -> group.fields().get(0)).containsExactly("$.b", "$.a");
        assertThat(report.mismatchGroups()).extracting(MismatchGroup::count).containsExactly(2L, 1L);
    }

    private static Mismatch mismatch(String... differences) {
        return new Mismatch(Instant.now(), "id", "GET", "/x", List.of(differences), 200, 200, "{}", "{}");
    }
}
