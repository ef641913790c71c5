package dev.strangler.service.changefeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The row version string must order events exactly as {@link SourceVersion#isNewerThan} does. */
class SourceVersionTests {

    private static final List<SourceVersion> EVENTS = List.of(
            new SourceVersion(0, "mariadb-bin.000001", 4L),
            new SourceVersion(999, "mariadb-bin.000001", 4L),
            new SourceVersion(1_000, "mariadb-bin.000001", 4L),
            new SourceVersion(1_000, "mariadb-bin.000001", 4L, 1L),
            new SourceVersion(1_000, "mariadb-bin.000001", 4L, 2L),
            new SourceVersion(1_000, "mariadb-bin.000001", 4L, 10L),
            new SourceVersion(1_000, "mariadb-bin.000001", 5L),
            new SourceVersion(1_000, "mariadb-bin.000001", 40L),
            new SourceVersion(1_000, "mariadb-bin.000002", 4L),
            new SourceVersion(1_000, "mariadb-bin.0000021", 4L),
            new SourceVersion(1_000, "mariadb-bin.00001", 4L),
            new SourceVersion(1_000, "mysql-bin.000001", 4L),
            new SourceVersion(1_001, "mariadb-bin.000001", 3L),
            new SourceVersion(1_764_028_800_123L, "mariadb-bin.000007", 9_223_372_036_854_775_807L));

    private static final List<SourceVersion> SERVICE_WRITES = List.of(
            SourceVersion.ofServiceWrite(Instant.ofEpochMilli(999)),
            SourceVersion.ofServiceWrite(Instant.ofEpochMilli(1_000)),
            SourceVersion.ofServiceWrite(Instant.ofEpochMilli(1_001)));

    @Test
    void anEventsRowVersionIsGreaterExactlyWhenTheEventIsNewerThanWhatTheRowHas() {
        for (SourceVersion event : EVENTS) {
            for (SourceVersion current : concat(EVENTS, SERVICE_WRITES)) {
                assertThat(greater(event.rowVersion(), current.rowVersion()))
                        .as("%s over %s", event, current).isEqualTo(event.isNewerThan(current));
            }
        }
    }

    @Test
    void isReadable() {
        assertThat(new SourceVersion(1_764_028_800_123L, "mariadb-bin.000001", 4_711L).rowVersion())
                .isEqualTo("00000001764028800123 mariadb-bin.000001 00000000000000004711");
        assertThat(new SourceVersion(1_764_028_800_123L, "mariadb-bin.000001", 4_711L, 2L).rowVersion())
                .isEqualTo("00000001764028800123 mariadb-bin.000001 00000000000000004711 00000000000000000002");
        assertThat(SourceVersion.ofServiceWrite(Instant.ofEpochMilli(1_764_028_800_123L)).rowVersion())
                .isEqualTo("00000001764028800123~");
    }

    @Test
    void refusesATimeBefore1970() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SourceVersion(-1, "mariadb-bin.000001", 4L)
                .rowVersion());
    }

    /** As the database compares a binary-collated column: byte by byte, a prefix first. */
    private static boolean greater(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII)) > 0;
    }

    private static List<SourceVersion> concat(List<SourceVersion> a, List<SourceVersion> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
