package dev.strangler.cdc.reverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.cdc.CdcBridgeApplicationTest;
import dev.strangler.cdc.LegacySchema;
import dev.strangler.cdc.TopicReader;
import dev.strangler.infra.InfraSettings;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The outbox relay and the reverse path in the running bridge: a service's outbox rows become events on
 * outbox.event.&lt;type&gt; and, while the reverse path is on, legacy rows, once each and never over a newer legacy
 * row, while the forward path publishes those writes tagged as echoes.
 */
class ReversePathIntegrationTests extends CdcBridgeApplicationTest {

    private static final AtomicLong ids = new AtomicLong(9_000_000 + (System.nanoTime() % 1_000) * 1_000);
    private final InfraSettings infra = LegacySchema.ensure();

    @AfterEach
    void switchOff() {
        switchReverse(false, "test over");
    }

    @Test
    void relaysOutboxEventsAppliesThemToTheLegacyTablesAndTagsTheirEchoes() throws Exception {
        switchReverse(true, "write cut-over of members");
        long id = ids.incrementAndGet();
        try (TopicReader events = new TopicReader(infra.kafkaBootstrapServers(), "outbox.event.Member");
             TopicReader forward = new TopicReader(infra.kafkaBootstrapServers(), "legacy.member")) {
            String registered = outbox("Member", id, "MemberRegistered",
                    member(id, "reverse-" + id, "박서준", "GOLD", false, "2026-11-24T10:00:00.456Z"));

            ConsumerRecord<String, String> event = await().atMost(Duration.ofSeconds(60))
                    .until(() -> find(events, registered), Optional::isPresent).orElseThrow();
            assertThat(event.key()).isEqualTo(Long.toString(id));
            assertThat(header(event, "eventType")).isEqualTo("MemberRegistered");
            assertThat(header(event, "aggregateType")).isEqualTo("Member");
            assertThat(JSON.readTree(event.value()).path("name").asString()).isEqualTo("박서준");

            await().atMost(Duration.ofSeconds(60)).until(() -> legacyMember(id) != null);
            assertThat(legacyMember(id)).containsEntry("MBR_NM", "박서준").containsEntry("GRADE_CD", "G")
                    .containsEntry("DEL_YN", "N");

            String deleted = outbox("Member", id, "MemberDeleted",
                    member(id, "reverse-" + id, "박서준", "GOLD", true, "2026-11-24T10:05:00.000Z"));
            await().atMost(Duration.ofSeconds(60)).until(() -> "Y".equals(legacyMember(id).get("DEL_YN")));

            List<String> echoes = await().atMost(Duration.ofSeconds(60)).until(() -> forward.poll().stream()
                    .filter(r -> r.value() != null && JSON.readTree(r.key()).path("MBR_NO").asLong() == id)
                    .map(r -> header(r, "kit-echo")).toList(), list -> list.size() == 2);
            assertThat(echoes).as("both writes reach legacy.member, each tagged with its event")
                    .containsExactly(registered, deleted);
        }
        JsonNode status = reverseStatus();
        assertThat(status.path("enabled").asBoolean()).isTrue();
        assertThat(status.path("statistics").path("applied").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void neverOverwritesANewerLegacyRow() throws Exception {
        long member = monolithInsertsMember("newer-" + UUID.randomUUID());
        execute(infra, "UPDATE TB_MEMBER SET MBR_NM = 'Newer In Legacy', UPD_DT = '2030-01-01 00:00:00.000'"
                + " WHERE MBR_NO = " + member);
        switchReverse(true, "guard test");
        long olderBefore = reverseStatus().path("statistics").path("olderThanLegacy").asLong();

        outbox("Member", member, "MemberUpdated",
                member(member, "newer-x", "Older From Service", "VIP", false, "2029-12-31T23:59:59.999Z"));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> reverseStatus().path("statistics").path("olderThanLegacy").asLong() > olderBefore);
        assertThat(legacyMember(member)).containsEntry("MBR_NM", "Newer In Legacy").containsEntry("GRADE_CD", "B");
    }

    @Test
    void eventsPublishedWhileOffAreAppliedWhenItComesBackAndARedeliveryOnlyOnce() throws Exception {
        long id = ids.incrementAndGet();
        switchReverse(false, "service writes while the reverse path is off");
        String event = outbox("Member", id, "MemberRegistered",
                member(id, "later-" + id, "Later", "SILVER", false, "2026-11-24T11:00:00.000Z"));
        try (TopicReader events = new TopicReader(infra.kafkaBootstrapServers(), "outbox.event.Member")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> find(events, event), Optional::isPresent);
        }
        assertThat(legacyMember(id)).as("off: nothing applied").isNull();

        switchReverse(true, "back on");
        await().atMost(Duration.ofSeconds(60)).until(() -> legacyMember(id) != null);
        long appliedBefore = reverseStatus().path("statistics").path("applied").asLong();

        // Replay everything: the group's offsets back to the start, while it is off.
        switchReverse(false, "forget position");
        execute(infra, "UPDATE TB_MEMBER SET MBR_NM = 'Changed In Legacy' WHERE MBR_NO = " + id);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.kafkaBootstrapServers()))) {
            // Refused until the stopped consumer has left the group.
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                admin.alterConsumerGroupOffsets("kit-cdc-reverse",
                        Map.of(new TopicPartition("outbox.event.Member", 0), new OffsetAndMetadata(0))).all().get();
                return true;
            });
        }
        switchReverse(true, "replay everything");

        await().atMost(Duration.ofSeconds(60))
                .until(() -> reverseStatus().path("statistics").path("duplicates").asLong() > 0);
        assertThat(reverseStatus().path("statistics").path("applied").asLong()).isEqualTo(appliedBefore);
        assertThat(legacyMember(id)).containsEntry("MBR_NM", "Changed In Legacy");
    }

    @Test
    void concurrentWritesOnBothSidesConverge() throws Exception {
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
                    outbox("Member", id, "MemberRegistered",
                            member(id, "svc-" + id, "Service " + id, "VIP", false, "2026-11-24T12:00:00.000Z"));
                }
                return null;
            });
            monolith.get();
            service.get();
            pool.shutdown();

            await().atMost(Duration.ofSeconds(90)).until(() -> serviceIds.stream().allMatch(id -> legacyMember(id) != null));
            await().atMost(Duration.ofSeconds(90)).until(() -> updatesOf(forward, legacyIds) == writes);
            assertThat(serviceIds).allSatisfy(id -> assertThat(legacyMember(id)).containsEntry("GRADE_CD", "V"));
            assertThat(legacyIds).allSatisfy(id -> assertThat(legacyMember(id))
                    .containsEntry("MBR_NM", "Updated By Monolith"));
            await().atMost(Duration.ofSeconds(60)).until(() -> echoedKeys(forward).containsAll(serviceIds));
            assertThat(echoedKeys(forward)).as("only the service's writes are echoes").doesNotContainAnyElementsOf(legacyIds);
        }
    }

    /** Update events published for these members: one per monolith write, none twice. */
    private static long updatesOf(TopicReader reader, List<Long> members) {
        return reader.poll().stream().filter(r -> r.value() != null)
                .map(r -> JSON.readTree(r.value()))
                .filter(e -> e.path("op").asString().equals("u") && members.contains(e.path("after").path("MBR_NO").asLong()))
                .count();
    }

    private static List<Long> echoedKeys(TopicReader reader) {
        return reader.poll().stream().filter(r -> r.value() != null && r.headers().lastHeader("kit-echo") != null)
                .map(r -> JSON.readTree(r.key()).path("MBR_NO").asLong()).toList();
    }

    private static Optional<ConsumerRecord<String, String>> find(TopicReader reader, String eventId) {
        return reader.poll().stream().filter(r -> eventId.equals(header(r, "id"))).findFirst();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void switchReverse(boolean enabled, String reason) {
        http().put().uri("/cdc/reverse").contentType(MediaType.APPLICATION_JSON)
                .body("{\"enabled\":" + enabled + ",\"reason\":\"" + reason + "\"}").retrieve().toBodilessEntity();
    }

    private JsonNode reverseStatus() {
        return JSON.readTree(http().get().uri("/cdc/reverse").retrieve().body(String.class));
    }

    private static String member(long id, String loginId, String name, String grade, boolean deleted,
                                 String updatedAt) {
        return JSON.writeValueAsString(Map.of("id", id, "loginId", loginId, "name", name, "email", loginId + "@example.com",
                "phone", "010-1234-5678", "grade", grade, "joinedAt", "2026-11-01T09:30:00.123Z",
                "updatedAt", updatedAt, "deleted", deleted));
    }

    /** Writes an outbox row as a service does; returns the event id. */
    private String outbox(String aggregate, long id, String type, String payload) throws SQLException {
        String eventId = UUID.randomUUID().toString();
        try (Connection connection = DriverManager.getConnection(infra.jdbcUrl(infra.member().database()),
                infra.member().user(), infra.member().password());
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO OUTBOX_EVENT (id, aggregatetype, aggregateid, type, payload) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, eventId);
            insert.setString(2, aggregate);
            insert.setString(3, Long.toString(id));
            insert.setString(4, type);
            insert.setString(5, payload);
            insert.executeUpdate();
        }
        return eventId;
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
