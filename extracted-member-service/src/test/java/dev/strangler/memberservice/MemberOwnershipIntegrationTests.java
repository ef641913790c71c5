package dev.strangler.memberservice;

import static dev.strangler.service.changefeed.testing.DebeziumEnvelopes.envelope;
import static dev.strangler.service.changefeed.testing.DebeziumEnvelopes.key;
import static dev.strangler.memberservice.support.LegacyMemberRows.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.memberservice.support.LegacyMemberRows;
import dev.strangler.service.ownership.OwnershipMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ownership switch, and what SERVICE_OWNS means: writes accepted, each with its outbox event. */
class MemberOwnershipIntegrationTests extends MemberServiceIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void whileLegacyOwnsWritesAreRefusedWithAProblemAndReadsServed() {
        ownership(OwnershipMode.LEGACY_OWNS);

        ResponseEntity<Map> refused = http().post().uri("/api/members")
                .body(Map.of("loginId", "refused_" + System.nanoTime(), "name", "Kim", "email", "kim@example.kr"))
                .retrieve().toEntity(Map.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(refused.getBody()).containsEntry("type", "https://strangler.dev/problems/legacy-owns-writes")
                .containsEntry("mode", "LEGACY_OWNS");
        assertThat(http().get().uri("/api/members?size=1").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(200);
    }

    @Test
    void theModeIsPersistedAndReadBack() {
        ownership(OwnershipMode.SERVICE_OWNS);

        Map<String, Object> current = http().get().uri("/admin/ownership")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN).retrieve().body(Map.class);

        assertThat(current).containsEntry("mode", "SERVICE_OWNS").containsEntry("source", "admin-api")
                .containsEntry("reason", "test MemberOwnershipIntegrationTests");
        assertThat(jdbc.sql("SELECT mode FROM OWNERSHIP_CHANGE ORDER BY id DESC LIMIT 1").query(String.class)
                .single()).isEqualTo("SERVICE_OWNS");
    }

    @Test
    void badInputIsA400ProblemAndNoTokenIsA401() {
        ResponseEntity<Map> bad = http().put().uri("/admin/ownership")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN)
                .body(Map.of("mode", "SERVICE_OWNS", "reason", " ")).retrieve().toEntity(Map.class);
        ResponseEntity<Map> unknownMode = http().put().uri("/admin/ownership")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN)
                .body(Map.of("mode", "BOTH_OWN", "reason", "why not")).retrieve().toEntity(Map.class);
        ResponseEntity<Map> anonymous = http().put().uri("/admin/ownership")
                .body(Map.of("mode", "SERVICE_OWNS", "reason", "sneaky")).retrieve().toEntity(Map.class);

        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody()).containsEntry("type", "https://strangler.dev/problems/invalid-request");
        assertThat(bad.getBody().get("errors").toString()).contains("field=reason");
        assertThat(unknownMode.getStatusCode().value()).isEqualTo(400);
        assertThat(unknownMode.getBody()).containsEntry("type", "https://strangler.dev/problems/malformed-request");
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getBody()).containsEntry("type", "https://strangler.dev/problems/unauthorized");
    }

    @Test
    void aViewerTokenReadsButCannotChangeOwnershipAndAWrongTokenIsA401() {
        ownership(OwnershipMode.LEGACY_OWNS);

        ResponseEntity<Map> read = http().get().uri("/admin/ownership")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + VIEWER_TOKEN).retrieve().toEntity(Map.class);
        ResponseEntity<Map> viewerWrite = http().put().uri("/admin/ownership")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + VIEWER_TOKEN)
                .body(Map.of("mode", "SERVICE_OWNS", "reason", "a viewer tries")).retrieve().toEntity(Map.class);
        ResponseEntity<Map> wrongToken = http().put().uri("/admin/ownership")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN + "-wrong")
                .body(Map.of("mode", "SERVICE_OWNS", "reason", "a guess")).retrieve().toEntity(Map.class);

        assertThat(read.getStatusCode().value()).isEqualTo(200);
        assertThat(read.getBody()).containsEntry("mode", "LEGACY_OWNS");
        assertThat(viewerWrite.getStatusCode().value()).isEqualTo(403);
        assertThat(viewerWrite.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(viewerWrite.getBody()).containsEntry("type", "https://strangler.dev/problems/forbidden")
                .containsEntry("title", "Forbidden").containsEntry("status", 403);
        assertThat(viewerWrite.getBody().get("detail").toString()).contains("'dashboard'");
        assertThat(wrongToken.getStatusCode().value()).isEqualTo(401);
        assertThat(wrongToken.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer realm=");
        assertThat(wrongToken.getBody()).containsEntry("type", "https://strangler.dev/problems/unauthorized");
        assertThat(jdbc.sql("SELECT mode FROM OWNERSHIP_CHANGE ORDER BY id DESC LIMIT 1").query(String.class)
                .single()).as("neither refused call changed the owner").isEqualTo("LEGACY_OWNS");
    }

    @Test
    void everyWriteRecordsItsOutboxEventInTheSameTransaction() {
        ownership(OwnershipMode.SERVICE_OWNS);
        String loginId = "outbox_" + System.nanoTime();

        Map<String, Object> created = http().post().uri("/api/members")
                .body(Map.of("loginId", loginId, "name", "박서준", "email", loginId + "@example.kr", "grade", "GOLD"))
                .retrieve().body(Map.class);
        String id = created.get("id").toString();
        http().put().uri("/api/members/{id}", id)
                .body(Map.of("name", "박서준", "email", loginId + "@example.kr", "grade", "VIP"))
                .retrieve().toBodilessEntity();
        http().delete().uri("/api/members/{id}", id).retrieve().toBodilessEntity();

        var events = jdbc.sql("SELECT type, aggregatetype, payload FROM OUTBOX_EVENT WHERE aggregateid = ? ORDER BY seq")
                .param(id).query((row, n) -> Map.of("type", row.getString("type"),
                        "aggregatetype", row.getString("aggregatetype"), "payload", row.getString("payload")))
                .list();
        assertThat(events).extracting(event -> event.get("type"))
                .containsExactly("MemberRegistered", "MemberUpdated", "MemberDeleted");
        assertThat(events).allSatisfy(event -> assertThat(event.get("aggregatetype")).isEqualTo("Member"));
        JsonNode deleted = JSON.readTree(events.get(2).get("payload"));
        assertThat(deleted.get("id").asLong()).isEqualTo(Long.parseLong(id));
        assertThat(deleted.get("loginId").asString()).isEqualTo(loginId);
        assertThat(deleted.get("grade").asString()).isEqualTo("VIP");
        assertThat(deleted.get("deleted").asBoolean()).isTrue();
        assertThat(deleted.get("joinedAt").asString()).isEqualTo(created.get("joinedAt"));
        assertThat(deleted.propertyNames()).containsExactlyInAnyOrder("id", "loginId", "name", "email", "phone",
                "grade", "joinedAt", "updatedAt", "deleted");
    }

    @Test
    void aRefusedWriteLeavesNoOutboxEvent() {
        ownership(OwnershipMode.SERVICE_OWNS);
        String loginId = "dup_" + System.nanoTime();
        http().post().uri("/api/members").body(Map.of("loginId", loginId, "name", "First", "email", "a@example.com"))
                .retrieve().toBodilessEntity();
        long before = jdbc.sql("SELECT COUNT(*) FROM OUTBOX_EVENT").query(Long.class).single();

        ResponseEntity<Map> taken = http().post().uri("/api/members")
                .body(Map.of("loginId", loginId, "name", "Second", "email", "b@example.com"))
                .retrieve().toEntity(Map.class);
        ResponseEntity<Map> unknown = http().delete().uri("/api/members/999999999999").retrieve().toEntity(Map.class);

        assertThat(taken.getStatusCode().value()).isEqualTo(409);
        assertThat(taken.getBody()).containsEntry("type", "https://strangler.dev/problems/login-id-taken")
                .containsEntry("loginId", loginId);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM OUTBOX_EVENT").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void newMembersAreNumberedAboveReplicatedLegacyMembers() {
        ownership(OwnershipMode.SERVICE_OWNS);
        long legacyId = LegacyMemberRows.freshId();
        send("legacy.member", key(LegacyMemberRows.key(legacyId)),
                envelope("TB_MEMBER", "c", null, member(legacyId, "Legacy", "B", 1_700_000_000_000L, "N")));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM MEMBER WHERE id = ?")
                .param(legacyId).query(Long.class).single() == 1);
        String loginId = "above_" + System.nanoTime();

        Map<String, Object> created = http().post().uri("/api/members")
                .body(Map.of("loginId", loginId, "name", "New", "email", loginId + "@example.com"))
                .retrieve().body(Map.class);

        assertThat(((Number) created.get("id")).longValue()).isGreaterThan(legacyId);
    }

    @Test
    void aForwardEventOlderThanTheServicesOwnWriteIsIgnored() {
        ownership(OwnershipMode.SERVICE_OWNS);
        String loginId = "guard_" + System.nanoTime();
        Map<String, Object> created = http().post().uri("/api/members")
                .body(Map.of("loginId", loginId, "name", "Service", "email", loginId + "@example.com"))
                .retrieve().body(Map.class);
        long id = ((Number) created.get("id")).longValue();
        long written = Instant.parse(created.get("updatedAt").toString()).toEpochMilli();
        // The monolith's last write to this row, older than the service's: a late or replayed forward event.
        Map<String, Object> stale = member(id, "Stale legacy", "V", written - 1, "N");
        stale.put("LOGIN_ID", loginId);
        send("legacy.member", key(LegacyMemberRows.key(id)), envelope("TB_MEMBER", "u", null, stale));
        long marker = LegacyMemberRows.freshId();
        send("legacy.member", key(LegacyMemberRows.key(marker)),
                envelope("TB_MEMBER", "c", null, member(marker, "Marker", "B", 1_700_000_000_000L, "N")));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM MEMBER WHERE id = ?")
                .param(marker).query(Long.class).single() == 1);

        assertThat(http().get().uri("/api/members/{id}", id).retrieve().body(Map.class))
                .containsEntry("name", "Service").containsEntry("grade", "BRONZE");
    }
}
