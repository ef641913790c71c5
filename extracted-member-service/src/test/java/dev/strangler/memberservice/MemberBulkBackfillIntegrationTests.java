package dev.strangler.memberservice;

import static dev.strangler.memberservice.support.LegacyMemberRows.member;
import static dev.strangler.service.changefeed.testing.DebeziumEnvelopes.envelope;
import static dev.strangler.service.changefeed.testing.DebeziumEnvelopes.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.infra.InfraSettings;
import dev.strangler.infra.testing.SharedInfrastructure;
import dev.strangler.memberservice.support.LegacyMemberRows;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The bulk backfill of TB_MEMBER on the real legacy and member databases, beside the change feed on the real broker:
 * rows copied as the feed would translate them, under the same version guard, with the snapshot's position recorded.
 */
class MemberBulkBackfillIntegrationTests extends MemberServiceIntegrationTest {

    private static final String TOPIC = "legacy.member";
    private static final long UPDATED_MS = 1_800_000_000_000L; // 2027-01-15 08:00:00.000 UTC

    private final InfraSettings infra = SharedInfrastructure.settings();

    @Test
    void copiesTheLegacyRowsUnderTheVersionGuardAndLetsTheFeedTakeOver() throws SQLException {
        long copied = LegacyMemberRows.freshId();
        long streamedAfter = LegacyMemberRows.freshId();
        long unreadable = LegacyMemberRows.freshId();
        legacySchema();
        legacy(insert(copied, "Bulk A", "G"));
        legacy(insert(streamedAfter, "Bulk B", "S"));
        legacy(insert(unreadable, "Platinum", "P"));
        // Two changes the feed brought before the backfill, of the same millisecond as the legacy rows: one from before
        // the snapshot's position (the copy must win over it), one from after it (it must win over the copy).
        String[] binlog = binlogPosition();
        send(TOPIC, key(LegacyMemberRows.key(copied)), envelope("TB_MEMBER", "u", null,
                member(copied, "Older A", "B", UPDATED_MS, "N"), binlog[0], 4));
        send(TOPIC, key(LegacyMemberRows.key(streamedAfter)), envelope("TB_MEMBER", "u", null,
                member(streamedAfter, "Streamed B", "B", UPDATED_MS, "N"), binlog[0],
                Long.parseLong(binlog[1]) + 1_000_000_000L));
        await().atMost(Duration.ofSeconds(30)).until(() -> name(copied).equals(Optional.of("Older A"))
                && name(streamedAfter).equals(Optional.of("Streamed B")));

        ResponseEntity<Map> started = start("TB_MEMBER", ADMIN_TOKEN);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getHeaders().getLocation()).hasPath("/admin/backfills/TB_MEMBER");
        assertThat(started.getBody()).containsEntry("table", "TB_MEMBER").containsEntry("requestedBy", "kit")
                .containsEntry("snapshotFile", binlog[0]);
        assertThat(((Number) started.getBody().get("snapshotPosition")).longValue())
                .isGreaterThanOrEqualTo(Long.parseLong(binlog[1]));
        Map<String, Object> done = awaitDone();

        assertThat(((Number) done.get("rowsRead")).longValue()).isGreaterThanOrEqualTo(3);
        assertThat(done).containsKey("rowsPerSecond").containsKey("finishedAt");
        assertThat(((Number) done.get("rowsSkipped")).longValue()).isEqualTo(1);
        assertThat((String) done.get("problem")).contains("GRADE_CD has unknown code 'P'");
        assertThat(name(copied)).contains("Bulk A");
        assertThat(grade(copied)).isEqualTo("GOLD");
        assertThat(name(streamedAfter)).as("the feed's change from after the snapshot").contains("Streamed B");
        assertThat(name(unreadable)).isEmpty();
        Map<String, Object> api = http().get().uri("/api/members/{id}", copied).retrieve().body(Map.class);
        assertThat(api).containsEntry("name", "Bulk A").containsEntry("loginId", "legacy_" + copied)
                .containsEntry("updatedAt", "2027-01-15T08:00:00Z");

        // The feed takes over: a later change applies; a second backfill leaves it alone.
        send(TOPIC, key(LegacyMemberRows.key(copied)), envelope("TB_MEMBER", "u", null,
                member(copied, "After A", "V", UPDATED_MS + 1_000, "N")));
        await().atMost(Duration.ofSeconds(30)).until(() -> name(copied).equals(Optional.of("After A")));
        assertThat(start("TB_MEMBER", ADMIN_TOKEN).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        awaitDone();
        assertThat(name(copied)).contains("After A");
    }

    @Test
    void badRequestsAreRefusedWithProblemsAndStartNothing() throws SQLException {
        legacySchema();
        Object before = http().get().uri("/admin/backfills").header(HttpHeaders.AUTHORIZATION, "Bearer " + VIEWER_TOKEN)
                .retrieve().body(Object.class);

        assertThat(start("TB_MEMBER", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(start("TB_MEMBER", VIEWER_TOKEN).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> unknown = start("TB_NOT_REPLICATED", ADMIN_TOKEN);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat((String) unknown.getBody().get("detail")).contains("TB_NOT_REPLICATED").contains("TB_MEMBER");
        ResponseEntity<Map> blank = start(" ", ADMIN_TOKEN);
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(blank.getHeaders().getContentType()).hasToString("application/problem+json");

        Object after = http().get().uri("/admin/backfills").header(HttpHeaders.AUTHORIZATION, "Bearer " + VIEWER_TOKEN)
                .retrieve().body(Object.class);
        assertThat(after).isEqualTo(before);
    }

    private ResponseEntity<Map> start(String table, String token) {
        var request = http().post().uri("/admin/backfills").body(Map.of("table", table));
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return request.retrieve().toEntity(Map.class);
    }

    private Map<String, Object> awaitDone() {
        return await().atMost(Duration.ofSeconds(60)).until(() -> http().get().uri("/admin/backfills/TB_MEMBER")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + VIEWER_TOKEN).retrieve().body(Map.class),
                run -> !"RUNNING".equals(run.get("state")));
    }

    private Optional<String> name(long id) {
        return jdbc.sql("SELECT name FROM MEMBER WHERE id = ?").param(id).query(String.class).optional();
    }

    private String grade(long id) {
        return jdbc.sql("SELECT grade FROM MEMBER WHERE id = ?").param(id).query(String.class).single();
    }

    private static String insert(long id, String name, String grade) {
        return "INSERT INTO TB_MEMBER (MBR_NO, LOGIN_ID, MBR_NM, EMAIL_ADDR, TEL_NO, GRADE_CD, JOIN_DT, UPD_DT, DEL_YN)"
                + " VALUES (" + id + ", 'legacy_" + id + "', '" + name + "', 'm" + id + "@example.com', '010-0000-0000', '"
                + grade + "', '2023-11-14 22:13:20.000', '2027-01-15 08:00:00.000', 'N')";
    }

    private String[] binlogPosition() throws SQLException {
        // Reading the binlog's position takes BINLOG MONITOR, which the CDC account has (the backfill's does not need it).
        try (Connection connection = DriverManager.getConnection(infra.jdbcUrl(infra.legacy().database()),
                infra.cdc().user(), infra.cdc().password()); Statement statement = connection.createStatement();
             ResultSet status = statement.executeQuery("SHOW MASTER STATUS")) {
            assertThat(status.next()).as("the legacy database writes a binlog").isTrue();
            return new String[] {status.getString(1), status.getString(2)};
        }
    }

    // The monolith's own migrations, in this JVM's legacy schema (it is its own: no other test module shares it).
    private void legacySchema() {
        Flyway.configure().dataSource(infra.jdbcUrl(infra.legacy().database()), infra.legacy().user(),
                infra.legacy().password()).locations("filesystem:../legacy-monolith/src/main/resources/db/migration")
                .load().migrate();
    }

    private void legacy(String sql) throws SQLException {
        try (Connection connection = legacyConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private Connection legacyConnection() throws SQLException {
        return DriverManager.getConnection(infra.jdbcUrl(infra.legacy().database()), infra.legacy().user(),
                infra.legacy().password());
    }
}
