package dev.strangler.proxy.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteParityTests {

    @Test
    void mismatchesOnLearnedNoiseAlsoEarlierOnesStopCountingAgainstParity() {
        RouteParity parity = new RouteParity(10, 5);
        parity.compared(Set.of(), null);
        parity.compared(Set.of("$.generatedAt"), mismatch("$.generatedAt"));
        parity.compared(Set.of("$.generatedAt", "$.name"), mismatch("$.generatedAt", "$.name"));
        parity.compared(Set.of(), null);

        ParityReport before = parity.report("r");
        assertThat(before.mismatched()).isEqualTo(2);
        assertThat(before.parityPercent()).isEqualTo(50.0);

        parity.noise(Set.of("$.generatedAt"), Instant.now());
        ParityReport after = parity.report("r");
        assertThat(after.mismatched()).isEqualTo(1);
        assertThat(after.parityPercent()).isEqualTo(75.0);
        assertThat(after.noise()).extracting(NoiseField::path).containsExactly("$.generatedAt");
        assertThat(after.latestMismatches()).singleElement()
                .satisfies(m -> assertThat(m.differences()).contains("$.name"));
    }

    @Test
    void keepsOnlyTheLatestMismatchesAndCountsSignaturesBeyondTheCapInBulk() {
        RouteParity parity = new RouteParity(1, 2);
        parity.compared(Set.of("$.a"), mismatch("$.a"));
        parity.compared(Set.of("$.b"), mismatch("$.b"));
        parity.compared(Set.of("$.c"), mismatch("$.c"));

        ParityReport report = parity.report("r");
        assertThat(report.mismatched()).isEqualTo(3);
        assertThat(report.parityPercent()).isEqualTo(0.0);
        assertThat(report.latestMismatches()).extracting(m -> m.differences().get(0)).containsExactly("$.c", "$.b");
    }

    private static Mismatch mismatch(String... differences) {
        return new Mismatch(Instant.now(), "id", "GET", "/x", List.of(differences), 200, 200, "{}", "{}");
    }
}
