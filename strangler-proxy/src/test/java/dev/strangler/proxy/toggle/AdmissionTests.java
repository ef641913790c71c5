package dev.strangler.proxy.toggle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.route.Mode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdmissionTests {

    private static final Instant DEADLINE = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void aFlipAppendedByItsDeadlineApplies() {
        assertThat(Admission.of(state(3, null, null), state(4, DEADLINE, null), true, DEADLINE.toEpochMilli()))
                .isEqualTo(Admission.APPLY);
    }

    @Test
    void aFlipAppendedAfterItsDeadlineIsLate() {
        assertThat(Admission.of(state(3, null, null), state(4, DEADLINE, null), true, DEADLINE.toEpochMilli() + 1))
                .isEqualTo(Admission.LATE);
    }

    @Test
    void withoutTheBrokersAppendTimeTheDeadlineCannotBeJudged() {
        assertThat(Admission.of(state(3, null, null), state(4, DEADLINE, null), false, DEADLINE.toEpochMilli() + 1))
                .isEqualTo(Admission.APPLY);
    }

    @Test
    void aCorrectionAppliesUnlessALaterFlipOvertookIt() {
        RouteToggle correction = state(5, null, 4L);
        assertThat(Admission.of(state(4, DEADLINE, null), correction, true, 0)).isEqualTo(Admission.APPLY);
        assertThat(Admission.of(state(3, null, null), correction, true, 0))
                .as("compaction removed the corrected record").isEqualTo(Admission.APPLY);
        assertThat(Admission.of(state(5, DEADLINE, null), correction, true, 0)).isEqualTo(Admission.SUPERSEDED);
    }

    @Test
    void recordsWithoutADeadlineAndTombstonesApply() {
        assertThat(Admission.of(state(3, null, null), state(4, null, null), true, Long.MAX_VALUE))
                .isEqualTo(Admission.APPLY);
        assertThat(Admission.of(state(3, null, null), null, true, 0)).isEqualTo(Admission.APPLY);
    }

    private static RouteToggle state(long version, Instant deadline, Long corrects) {
        return new RouteToggle("members-read", Mode.SHADOW, 0, version, List.of(), null, deadline, corrects, List.of());
    }
}
