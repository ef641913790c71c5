package dev.strangler.cdc.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotRequestsTests {

    @Test
    void oneColumnKeysBecomeAnInList() {
        assertThat(SnapshotRequests.filter(List.of("MBR_NO"), List.of(1, 2L, List.of(3))))
                .isEqualTo("`MBR_NO` IN (1,2,3)");
    }

    @Test
    void compositeKeysBecomeARowConstructorInList() {
        assertThat(SnapshotRequests.filter(List.of("WH_CD", "SKU"), List.of(List.of("SEL", "A-1"),
                List.of("PUS", "it's"))))
                .isEqualTo("(`WH_CD`, `SKU`) IN (('SEL','A-1'),('PUS','it''s'))");
    }

    @Test
    void aCompositeKeyOfTheWrongShapeIsRefused() {
        assertThatThrownBy(() -> SnapshotRequests.filter(List.of("WH_CD", "SKU"), List.of("SEL")))
                .isInstanceOf(InvalidSnapshotRequestException.class).hasMessageContaining("a list of 2 values");
        assertThatThrownBy(() -> SnapshotRequests.filter(List.of("ID"), List.of(true)))
                .isInstanceOf(InvalidSnapshotRequestException.class);
    }
}
