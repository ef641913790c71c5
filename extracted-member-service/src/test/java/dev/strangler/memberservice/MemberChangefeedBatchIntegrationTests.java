package dev.strangler.memberservice;

import static dev.strangler.service.changefeed.testing.DebeziumEnvelopes.envelope;
import static dev.strangler.service.changefeed.testing.DebeziumEnvelopes.key;
import static dev.strangler.service.changefeed.testing.DebeziumEnvelopes.nextPosition;
import static dev.strangler.memberservice.support.LegacyMemberRows.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.memberservice.support.LegacyMemberRows;
import dev.strangler.service.changefeed.SourceVersion;
import dev.strangler.service.changefeed.testing.DeadLetterTopic;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The legacy.member consumer applying a whole poll at once: what one batch may hold, and what it must not do. */
class MemberChangefeedBatchIntegrationTests extends MemberServiceIntegrationTest {

    private static final String TOPIC = "legacy.member";
    private static final String LISTENER = "legacy-member";
    private static final String FILE = "mariadb-bin.000001";

    @Test
    void severalEventsForOneRowInOneBatchLeaveOnlyTheNewest() {
        long id = LegacyMemberRows.freshId();
        long ms = 1_800_000_020_000L;
        long newest = nextPosition();
        inOneBatch(LISTENER, () -> {
            send(TOPIC, memberKey(id), envelope("TB_MEMBER", "c", null, member(id, "Created", "B", ms, "N")));
            send(TOPIC, memberKey(id), envelope("TB_MEMBER", "u", null,
                    member(id, "Newest", "V", ms + 2_000, "N"), FILE, newest));
            // Same millisecond, earlier binlog position, arriving later: the tie goes to the later position.
            send(TOPIC, memberKey(id), envelope("TB_MEMBER", "u", null,
                    member(id, "Tie", "G", ms + 2_000, "N"), FILE, newest - 50));
            send(TOPIC, memberKey(id), envelope("TB_MEMBER", "u", null, member(id, "Older", "S", ms + 1_000, "N")));
        });
        awaitMarker();

        assertThat(jdbc.sql("SELECT name, grade FROM MEMBER WHERE id = ?").param(id).query().singleRow())
                .containsEntry("name", "Newest").containsEntry("grade", "VIP");
        assertThat(jdbc.sql("SELECT source_version FROM MEMBER WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo(new SourceVersion(ms + 2_000, FILE, newest).rowVersion());
    }

    @Test
    void anUnreadableRecordInABatchIsDeadLetteredAndTheRestApplied() {
        long before = LegacyMemberRows.freshId();
        long bad = LegacyMemberRows.freshId();
        long after = LegacyMemberRows.freshId();
        inOneBatch(LISTENER, () -> {
            send(TOPIC, memberKey(before), envelope("TB_MEMBER", "c", null,
                    member(before, "Before", "B", 1_800_000_000_000L, "N")));
            send(TOPIC, memberKey(bad), envelope("TB_MEMBER", "c", null,
                    member(bad, "Unknown", "B", 1_800_000_000_000L, "X")));
            send(TOPIC, memberKey(after), envelope("TB_MEMBER", "c", null,
                    member(after, "After", "S", 1_800_000_000_000L, "N")));
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> count(after) == 1);
        assertThat(count(before)).isEqualTo(1);
        assertThat(count(bad)).isZero();
        assertThat(DeadLetterTopic.reasons(TOPIC + ".dlt", List.of(memberKey(bad))).get(memberKey(bad)))
                .contains("DEL_YN has unknown flag 'X'");
    }

    @Test
    void aReplayedBatchChangesNothing() {
        long first = LegacyMemberRows.freshId();
        long second = LegacyMemberRows.freshId();
        List<String[]> batch = List.of(
                new String[] {memberKey(first), envelope("TB_MEMBER", "c", null,
                        member(first, "First", "B", 1_800_000_000_000L, "N"))},
                new String[] {memberKey(second), envelope("TB_MEMBER", "c", null,
                        member(second, "Second", "B", 1_800_000_000_000L, "N"))},
                new String[] {memberKey(second), envelope("TB_MEMBER", "u", null,
                        member(second, "Second, renamed", "G", 1_800_000_001_000L, "N"))});
        inOneBatch(LISTENER, () -> batch.forEach(record -> send(TOPIC, record[0], record[1])));
        awaitMarker();
        // A newer change after the batch: the replay must not take the row back.
        send(TOPIC, memberKey(first), envelope("TB_MEMBER", "u", null,
                member(first, "First, later", "V", 1_800_000_002_000L, "N")));
        awaitMarker();
        List<Map<String, Object>> applied = state(first, second);

        inOneBatch(LISTENER, () -> batch.forEach(record -> send(TOPIC, record[0], record[1])));
        awaitMarker();

        assertThat(state(first, second)).isEqualTo(applied);
        assertThat(applied).extracting(row -> row.get("name")).containsExactly("First, later", "Second, renamed");
    }

    @Test
    void aRecordTheDatabaseRefusesIsRetriedThenDeadLetteredAndTheRestOfItsBatchApplied() {
        long before = LegacyMemberRows.freshId();
        long refused = LegacyMemberRows.freshId();
        long after = LegacyMemberRows.freshId();
        // Readable, but longer than MEMBER.name: the database refuses it, whatever the retry.
        Map<String, Object> tooLong = member(refused, "x".repeat(101), "B", 1_800_000_000_000L, "N");
        inOneBatch(LISTENER, () -> {
            send(TOPIC, memberKey(before), envelope("TB_MEMBER", "c", null,
                    member(before, "Before", "B", 1_800_000_000_000L, "N")));
            send(TOPIC, memberKey(refused), envelope("TB_MEMBER", "c", null, tooLong));
            send(TOPIC, memberKey(after), envelope("TB_MEMBER", "c", null,
                    member(after, "After", "B", 1_800_000_000_000L, "N")));
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> count(after) == 1);
        assertThat(count(before)).isEqualTo(1);
        assertThat(count(refused)).isZero();
        assertThat(DeadLetterTopic.reasons(TOPIC + ".dlt", List.of(memberKey(refused))).get(memberKey(refused)))
                .contains("Data too long");
    }

    private List<Map<String, Object>> state(long... ids) {
        return Arrays.stream(ids).mapToObj(id -> {
            return jdbc.sql("SELECT name, grade, updated_at, source_version FROM MEMBER WHERE id = ?")
                    .param(id).query().singleRow();
        }).toList();
    }

    private long count(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM MEMBER WHERE id = ?").param(id).query(Long.class).single();
    }

    /** Events on one partition are applied in order: once a later marker is in, everything before it is too. */
    private void awaitMarker() {
        long marker = LegacyMemberRows.freshId();
        send(TOPIC, memberKey(marker), envelope("TB_MEMBER", "c", null,
                member(marker, "Marker", "B", 1_800_000_000_000L, "N")));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(marker) == 1);
    }

    private static String memberKey(long id) {
        return key(LegacyMemberRows.key(id));
    }
}
