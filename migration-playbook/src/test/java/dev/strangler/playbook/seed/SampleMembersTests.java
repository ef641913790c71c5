package dev.strangler.playbook.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SampleMembersTests {

    @Test
    void theSameSeedGivesTheSameMembers() {
        SplittableRandom first = new SplittableRandom(42);
        SplittableRandom second = new SplittableRandom(42);

        IntStream.range(0, 200).forEach(i ->
                assertThat(SampleMembers.member(i + 1, first)).isEqualTo(SampleMembers.member(i + 1, second)));
    }

    @Test
    void membersPassTheMonolithsOwnValidation() {
        SplittableRandom random = new SplittableRandom(7);

        IntStream.range(0, 2_000).mapToObj(i -> SampleMembers.member(1_000_000 + i, random)).forEach(member -> {
            assertThat(member.loginId()).matches("[a-z0-9._-]{4,30}");
            assertThat(member.name()).isNotBlank().hasSizeLessThanOrEqualTo(50);
            assertThat(member.email()).matches("[a-z0-9._-]+@[a-z0-9.]+").hasSizeLessThanOrEqualTo(100);
            assertThat(member.phone()).satisfiesAnyOf(phone -> assertThat(phone).isNull(),
                    phone -> assertThat(phone).matches("[0-9+() -]{7,20}"));
            assertThat(member.gradeCode()).isIn("B", "S", "G", "V");
            assertThat(member.updatedAt()).isAfterOrEqualTo(member.joinedAt()).isBeforeOrEqualTo(SeedPlan.HISTORY_END);
        });
    }

    @Test
    void aboutSixInTenNamesAreKorean() {
        SplittableRandom random = new SplittableRandom(1);

        long korean = IntStream.range(0, 1_000).mapToObj(i -> SampleMembers.member(i + 1, random))
                .filter(member -> member.name().matches("\\p{IsHangul}+")).count();

        assertThat(korean).isBetween(520L, 680L);
    }
}
