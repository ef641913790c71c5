package dev.strangler.playbook.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Key order must be the order the databases sort in, or the merge join reports keys as missing and extra. */
class TableReconcilerTests {

    @Test
    void textComparesByCodePointAsABinaryCollationSorts() {
        assertThat(TableReconciler.compareKeys(List.of("B"), List.of("a"))).isNegative();
        // UTF-16 puts the emoji's surrogates below U+FFFD; UTF-8 and code points put it above.
        assertThat(TableReconciler.compareKeys(List.of("\uFFFD"), List.of("😀"))).isNegative();
        assertThat("\uFFFD".compareTo("😀")).as("what String.compareTo would have said").isPositive();
    }

    @Test
    void numbersDatesAndBytesCompareAsThemselvesPartByPart() {
        assertThat(TableReconciler.compareKeys(List.of("SEL", 10), List.of("SEL", 9L))).isPositive();
        assertThat(TableReconciler.compareKeys(List.of(LocalDate.of(2026, 1, 2)), List.of(LocalDate.of(2025, 12, 31))))
                .isPositive();
        assertThat(TableReconciler.compareKeys(List.of((Object) new byte[] {(byte) 0xff}),
                List.of((Object) new byte[] {0x01}))).isPositive();
        assertThat(TableReconciler.compareKeys(List.of("SEL", "a"), List.of("SEL", "a"))).isZero();
    }
}
