package dev.strangler.memberservice;

import static dev.strangler.service.changefeed.testing.DebeziumEnvelopes.envelope;
import static dev.strangler.service.changefeed.testing.DebeziumEnvelopes.key;
import static dev.strangler.memberservice.support.LegacyMemberRows.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.memberservice.support.LegacyMemberRows;
import dev.strangler.service.changefeed.testing.DeadLetterTopic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The legacy.member consumer on the real broker and database, fed with the bridge's envelopes. */
class MemberChangefeedIntegrationTests extends MemberServiceIntegrationTest {

    private static final String TOPIC = "legacy.member";

    @Test
    void theSameEventTwiceLeavesOneRow() {
        long id = LegacyMemberRows.freshId();
        String event = envelope("TB_MEMBER", "c", null, member(id, "김민준", "G", 1_800_000_000_000L, "N"));

        send(TOPIC, key(LegacyMemberRows.key(id)), event);
        send(TOPIC, key(LegacyMemberRows.key(id)), event);
        awaitMarker();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM MEMBER WHERE id = ?").param(id).query(Long.class).single())
                .isEqualTo(1);
        Map<String, Object> body = http().get().uri("/api/members/{id}", id).retrieve().body(Map.class);
        assertThat(body).containsEntry("name", "김민준").containsEntry("grade", "GOLD")
                .containsEntry("loginId", "legacy_" + id).containsEntry("updatedAt", "2027-01-15T08:00:00Z");
    }

    @Test
    void anOlderEventAfterANewerOneChangesNothing() {
        long id = LegacyMemberRows.freshId();
        send(TOPIC, key(LegacyMemberRows.key(id)),
                envelope("TB_MEMBER", "u", null, member(id, "Newer", "V", 1_800_000_002_000L, "N")));
        // A replay of an older change, and a re-snapshot of older state, both from later binlog positions.
        send(TOPIC, key(LegacyMemberRows.key(id)),
                envelope("TB_MEMBER", "u", null, member(id, "Older", "B", 1_800_000_001_000L, "N")));
        send(TOPIC, key(LegacyMemberRows.key(id)),
                envelope("TB_MEMBER", "r", null, member(id, "Snapshot", "S", 1_800_000_000_000L, "N")));
        awaitMarker();

        assertThat(name(id)).contains("Newer");
        assertThat(jdbc.sql("SELECT grade FROM MEMBER WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("VIP");
    }

    @Test
    void aTieInTheSameMillisecondGoesToTheLaterBinlogPosition() {
        long id = LegacyMemberRows.freshId();
        long ms = 1_800_000_005_000L;
        send(TOPIC, key(LegacyMemberRows.key(id)), envelope("TB_MEMBER", "u", null,
                member(id, "Second", "B", ms, "N"), "mariadb-bin.000002", 10));
        send(TOPIC, key(LegacyMemberRows.key(id)), envelope("TB_MEMBER", "u", null,
                member(id, "First", "B", ms, "N"), "mariadb-bin.000001", 99_999));
        awaitMarker();

        assertThat(name(id)).contains("Second");
    }

    @Test
    void softAndHardDeletesHideTheMember() {
        long soft = LegacyMemberRows.freshId();
        long hard = LegacyMemberRows.freshId();
        send(TOPIC, key(LegacyMemberRows.key(soft)), envelope("TB_MEMBER", "c", null,
                member(soft, "Soft", "B", 1_800_000_000_000L, "N")));
        String hardCreated = envelope("TB_MEMBER", "c", null, member(hard, "Hard", "B", 1_800_000_000_000L, "N"));
        send(TOPIC, key(LegacyMemberRows.key(hard)), hardCreated);
        send(TOPIC, key(LegacyMemberRows.key(soft)), envelope("TB_MEMBER", "u", null,
                member(soft, "Soft", "B", 1_800_000_001_000L, "Y")));
        send(TOPIC, key(LegacyMemberRows.key(hard)), envelope("TB_MEMBER", "d",
                member(hard, "Hard", "B", 1_800_000_000_000L, "N"), null));
        send(TOPIC, key(LegacyMemberRows.key(hard)), null);
        // The create replayed after the delete (same event, same binlog position) must not bring the member back.
        send(TOPIC, key(LegacyMemberRows.key(hard)), hardCreated);
        awaitMarker();

        for (long id : List.of(soft, hard)) {
            Map<String, Object> problem = http().get().uri("/api/members/{id}", id).retrieve().body(Map.class);
            assertThat(problem).containsEntry("status", 404)
                    .containsEntry("type", "https://strangler.dev/problems/not-found");
        }
        assertThat(jdbc.sql("SELECT deleted FROM MEMBER WHERE id = ?").param(hard).query(Boolean.class).single())
                .isTrue();
    }

    @Test
    void unreadableEventsGoToTheDeadLetterTopicAndTheNextGoodEventIsApplied() {
        long bad = LegacyMemberRows.freshId();
        long unknownGrade = LegacyMemberRows.freshId();
        long good = LegacyMemberRows.freshId();
        send(TOPIC, key(LegacyMemberRows.key(bad)), "{\"before\": null, \"after\": {\"MBR_NO\": " + bad);
        send(TOPIC, key(LegacyMemberRows.key(unknownGrade)), envelope("TB_MEMBER", "c", null,
                member(unknownGrade, "Platinum", "P", 1_800_000_000_000L, "N")));
        send(TOPIC, key(LegacyMemberRows.key(good)), envelope("TB_MEMBER", "c", null,
                member(good, "Good", "S", 1_800_000_000_000L, "N")));

        await().atMost(Duration.ofSeconds(30)).until(() -> name(good).isPresent());
        assertThat(name(unknownGrade)).isEmpty();
        Map<String, String> reasons = DeadLetterTopic.reasons(TOPIC + ".dlt", List.of(key(LegacyMemberRows.key(bad)),
                key(LegacyMemberRows.key(unknownGrade))));
        assertThat(reasons.get(key(LegacyMemberRows.key(bad)))).contains("not valid JSON");
        assertThat(reasons.get(key(LegacyMemberRows.key(unknownGrade)))).contains("GRADE_CD has unknown code 'P'");
    }

    /** Events on one partition are applied in order: once a later marker is in, everything before it is too. */
    private void awaitMarker() {
        long marker = LegacyMemberRows.freshId();
        send(TOPIC, key(LegacyMemberRows.key(marker)), envelope("TB_MEMBER", "c", null,
                member(marker, "Marker", "B", 1_800_000_000_000L, "N")));
        await().atMost(Duration.ofSeconds(30)).until(() -> name(marker).isPresent());
    }

    private Optional<String> name(long id) {
        return jdbc.sql("SELECT name FROM MEMBER WHERE id = ?").param(id).query(String.class).optional();
    }
}
