package dev.strangler.cdc.reverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.cdc.CdcBridgeApplicationTest;
import dev.strangler.cdc.LegacySchema;
import dev.strangler.cdc.TopicReader;
import dev.strangler.infra.InfraSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The reverse path in the running bridge: outbox events of an extracted service become legacy rows, once each,
 * while the forward path recognises those writes as echoes and does not publish them.
 */
class ReversePathIntegrationTests extends CdcBridgeApplicationTest {

    private static final AtomicLong ids = new AtomicLong(9_000_000 + (System.nanoTime() % 1_000) * 1_000);
    private final InfraSettings infra = LegacySchema.ensure();

    @AfterEach
    void switchOff() {
        switchReverse(false, "test over");
    }

    @Test
    void appliesOutboxEventsToTheLegacyTablesAndTheForwardPathDropsTheEcho() throws Exception {
        switchReverse(true, "write cut-over of members");
        long id = ids.incrementAndGet();
        try (TopicReader forward = new TopicReader(infra.kafkaBootstrapServers(), "legacy.member")) {
            outbox("Member", id, "MemberRegistered", member(id, "reverse-" + id, "박서준", "GOLD", false));

            await().atMost(Duration.ofSeconds(60)).until(() -> legacyMember(id) != null);
            Map<String, Object> row = legacyMember(id);
            assertThat(row).containsEntry("MBR_NM", "박서준").containsEntry("GRADE_CD", "G").containsEntry("DEL_YN", "N");

            outbox("Member", id, "MemberDeleted", member(id, "reverse-" + id, "박서준", "GOLD", true));
            await().atMost(Duration.ofSeconds(60)).until(() -> "Y".equals(legacyMember(id).get("DEL_YN")));

            long monolithWrite = monolithInsertsMember("forward-" + id);
            await().atMost(Duration.ofSeconds(60)).until(() -> keys(forward).contains(monolithWrite));
            assertThat(keys(forward)).as("the reverse path's writes are not sent forward again").doesNotContain(id);
        }
        JsonNode status = reverseStatus();
        assertThat(status.path("enabled").asBoolean()).isTrue();
        assertThat(status.path("statistics").path("applied").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aReplayedEventIsAppliedOnlyOnce() throws Exception {
        switchReverse(true, "replay test");
        long id = ids.incrementAndGet();
        outbox("Member", id, "MemberRegistered", member(id, "replay-" + id, "Replay", "SILVER", false));
        await().atMost(Duration.ofSeconds(60)).until(() -> legacyMember(id) != null);
        long appliedBefore = reverseStatus().path("statistics").path("applied").asLong();

        // Forget the reverse position: the engine snapshots the whole outbox again, replaying every event.
        switchReverse(false, "forget position");
        java.nio.file.Files.deleteIfExists(STORAGE.resolve("reverse-offsets.dat"));
        java.nio.file.Files.deleteIfExists(STORAGE.resolve("reverse-schema-history.dat"));
        execute(infra, "UPDATE TB_MEMBER SET MBR_NM = 'Changed In Legacy' WHERE MBR_NO = " + id);
        switchReverse(true, "replay everything");

        await().atMost(Duration.ofSeconds(60)).until(() -> reverseStatus().path("statistics").path("duplicates").asLong() > 0);
        assertThat(reverseStatus().path("statistics").path("applied").asLong()).isEqualTo(appliedBefore);
        assertThat(legacyMember(id)).containsEntry("MBR_NM", "Changed In Legacy");
    }

    @Test
    void concurrentWritesOnBothSidesConvergeWithoutEchoes() throws Exception {
        // After a write cut-over the service creates members and the monolith still changes others: two sets of
        // rows, written at the same time. (Both sides creating rows of one context would collide on keys.)
        int writes = 100;
        List<Long> legacyIds = new ArrayList<>();
        for (int i = 0; i < writes; i++) {
            legacyIds.add(monolithInsertsMember("concurrent-" + UUID.randomUUID()));
        }
        List<Long> serviceIds = new ArrayList<>();
        for (int i = 0; i < writes; i++) {
            serviceIds.add(ids.incrementAndGet());
        }
        switchReverse(true, "concurrency test");
        try (TopicReader forward = new TopicReader(infra.kafkaBootstrapServers(), "legacy.member")) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Future<?> monolith = pool.submit(() -> {
                for (long id : legacyIds) {
                    execute(infra, "UPDATE TB_MEMBER SET MBR_NM = 'Updated By Monolith' WHERE MBR_NO = " + id);
                }
                return null;
            });
            Future<?> service = pool.submit(() -> {
                for (long id : serviceIds) {
                    outbox("Member", id, "MemberRegistered", member(id, "svc-" + id, "Service " + id, "VIP", false));
                }
                return null;
            });
            monolith.get();
            service.get();
            pool.shutdown();

            await().atMost(Duration.ofSeconds(90)).until(() -> serviceIds.stream().allMatch(id -> legacyMember(id) != null));
            await().atMost(Duration.ofSeconds(90)).until(() -> updatesOf(forward, legacyIds) == writes);
            assertThat(keys(forward)).as("no echo of the service's writes").doesNotContainAnyElementsOf(serviceIds);
            assertThat(serviceIds).allSatisfy(id -> assertThat(legacyMember(id)).containsEntry("GRADE_CD", "V"));
            assertThat(legacyIds).allSatisfy(id -> assertThat(legacyMember(id))
                    .containsEntry("MBR_NM", "Updated By Monolith"));
        }
    }

    /** Update events published for these members: one per monolith write, none twice. */
    private static long updatesOf(TopicReader reader, List<Long> members) {
        return reader.poll().stream().filter(r -> r.value() != null)
                .map(r -> JSON.readTree(r.value()))
                .filter(e -> e.path("op").asString().equals("u") && members.contains(e.path("after").path("MBR_NO").asLong()))
                .count();
    }

    private void switchReverse(boolean enabled, String reason) {
        http().put().uri("/cdc/reverse").contentType(MediaType.APPLICATION_JSON)
                .body("{\"enabled\":" + enabled + ",\"reason\":\"" + reason + "\"}").retrieve().toBodilessEntity();
    }

    private JsonNode reverseStatus() {
        return JSON.readTree(http().get().uri("/cdc/reverse").retrieve().body(String.class));
    }

    private static List<Long> keys(TopicReader reader) {
        return reader.poll().stream().filter(r -> r.value() != null)
                .map(r -> JSON.readTree(r.key()).path("MBR_NO").asLong()).toList();
    }

    private static String member(long id, String loginId, String name, String grade, boolean deleted) {
        return JSON.writeValueAsString(Map.of("id", id, "loginId", loginId, "name", name, "email", loginId + "@example.com",
                "phone", "010-1234-5678", "grade", grade, "joinedAt", "2026-11-01T09:30:00.123Z",
                "updatedAt", "2026-11-24T10:00:00.456Z", "deleted", deleted));
    }

    private void outbox(String aggregate, long id, String type, String payload) throws SQLException {
        try (Connection connection = DriverManager.getConnection(infra.jdbcUrl(infra.member().database()),
                infra.member().user(), infra.member().password());
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO OUTBOX_EVENT (id, aggregatetype, aggregateid, type, payload) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, aggregate);
            insert.setString(3, Long.toString(id));
            insert.setString(4, type);
            insert.setString(5, payload);
            insert.executeUpdate();
        }
    }

    private Map<String, Object> legacyMember(long id) {
        try (Connection connection = legacy(); PreparedStatement query = connection.prepareStatement(
                "SELECT MBR_NM, GRADE_CD, DEL_YN, JOIN_DT FROM TB_MEMBER WHERE MBR_NO = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Map.of("MBR_NM", row.getString(1), "GRADE_CD", row.getString(2),
                        "DEL_YN", row.getString(3), "JOIN_DT", row.getString(4)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long monolithInsertsMember(String loginId) throws SQLException {
        try (Connection connection = legacy(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO TB_MEMBER (LOGIN_ID, MBR_NM, EMAIL_ADDR) VALUES (?, 'Monolith', ?)",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, loginId);
            insert.setString(2, loginId + "@example.com");
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private Connection legacy() throws SQLException {
        return DriverManager.getConnection(infra.jdbcUrl(infra.legacy().database()), infra.legacy().user(),
                infra.legacy().password());
    }

    private static void execute(InfraSettings infra, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(infra.jdbcUrl(infra.legacy().database()),
                infra.legacy().user(), infra.legacy().password()); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
