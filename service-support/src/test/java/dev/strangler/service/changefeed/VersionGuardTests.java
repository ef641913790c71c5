package dev.strangler.service.changefeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guard's rule over one row's events of a batch: what applying them one by one would have left. */
class VersionGuardTests {

    @Test
    void theNewestEventWinsWhateverItsPlaceInTheBatch() {
        List<Change<String>> events = List.of(change("a", 1_000, 10), change("b", 3_000, 20), change("c", 2_000, 30));

        assertThat(VersionGuard.newest(null, events)).map(Change::value).contains("b");
    }

    @Test
    void aTieGoesToTheLaterBinlogPositionAndAnExactRedeliveryToTheFirst() {
        List<Change<String>> events = List.of(change("later", 1_000, 50), change("earlier", 1_000, 40),
                change("redelivered", 1_000, 50));

        assertThat(VersionGuard.newest(null, events)).map(Change::value).contains("later");
    }

    @Test
    void twoChangesOfARowInOneTransactionAreOrderedByTheirPlaceInIt() {
        // Debezium gives every change of a transaction the transaction's position: only its order tells them apart.
        List<Change<String>> events = List.of(inTransaction("deleted", 1), inTransaction("inserted again", 2));

        assertThat(VersionGuard.newest(null, events)).map(Change::value).contains("inserted again");
        assertThat(VersionGuard.newest(events.get(0).version(), events.subList(1, 2))).map(Change::value)
                .contains("inserted again");
    }

    @Test
    void nothingWinsOverANewerOrEqualCurrentVersionOrTheServicesOwnWriteInItsMillisecond() {
        List<Change<String>> events = List.of(change("old", 1_000, 10), change("same", 2_000, 99));

        assertThat(VersionGuard.newest(new SourceVersion(2_000, "mariadb-bin.000001", 99L), events)).isEmpty();
        assertThat(VersionGuard.newest(SourceVersion.ofServiceWrite(Instant.ofEpochMilli(2_000)), events)).isEmpty();
        assertThat(VersionGuard.newest(SourceVersion.ofServiceWrite(Instant.ofEpochMilli(1_500)), events))
                .map(Change::value).contains("same");
    }

    private static Change<String> inTransaction(String value, long order) {
        return new Change<>("42", new SourceVersion(2_000, "mariadb-bin.000001", 77L, order), order == 1, value);
    }

    private static Change<String> change(String value, long ms, long position) {
        return new Change<>("42", new SourceVersion(ms, "mariadb-bin.000001", position), false, value);
    }
}
