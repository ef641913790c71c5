package dev.strangler.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StickyBucketTests {

    @Test
    void theHashIsPinnedBecauseChangingItWouldMoveUsersAcrossSidesOnADeploy() {
        assertThat(StickyBucket.of("42")).isEqualTo(2476);
        assertThat(StickyBucket.of("member-7")).isEqualTo(7296);
        assertThat(StickyBucket.of("ü")).isEqualTo(5105);
    }

    @Test
    void bucketsAreInRangeAndEvenlySpreadEvenForConsecutiveIds() {
        int[] deciles = new int[10];
        for (int id = 0; id < 20_000; id++) {
            int bucket = StickyBucket.of(Integer.toString(id));
            assertThat(bucket).isBetween(0, StickyBucket.BUCKETS - 1);
            deciles[bucket / 1000]++;
        }
        for (int count : deciles) {
            assertThat(count).isBetween(1_800, 2_200);
        }
    }
}
