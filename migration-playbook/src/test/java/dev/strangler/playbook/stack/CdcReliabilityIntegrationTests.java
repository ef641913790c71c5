package dev.strangler.playbook.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.infra.InfraSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CDC path under failure, on the whole stack: a stream of legacy member changes while the bridge is killed with
 * SIGKILL and restarted, or while the broker is down for 30 s. Afterwards reconciliation of TB_MEMBER against
 * member_db finds nothing missing and nothing differing. And a copy damaged behind the feed's back is found by
 * {@code kit compare data} and put right by {@code --repair}.
 */
class CdcReliabilityIntegrationTests {

    private static final int CHANGES = 20_000;
    private static final KitTestStack stack = new KitTestStack("kit-reliability-test");

    @BeforeAll
    static void up() throws Exception {
        KitTestStack.KitRun up = stack.kit("up", "--detach", "--timeout", "300");
        assertThat(up.exitCode()).as(up.output()).isZero();
    }

    @AfterAll
    static void down() throws Exception {
        stack.kit("down");
    }

    @Test
    void aKilledBridgeResumesFromItsOffsetsAndLosesNothing() throws Exception {
        AtomicInteger written = new AtomicInteger();
        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> writeChanges(written));

        await().atMost(Duration.ofMinutes(2)).until(() -> written.get() >= CHANGES / 4);
        ProcessHandle bridge = ProcessHandle.of(stack.pid("cdc-bridge")).orElseThrow();
        bridge.destroyForcibly(); // SIGKILL: no shutdown hook, no offset flush
        await().atMost(Duration.ofSeconds(30)).until(() -> !bridge.isAlive());
        KitTestStack.KitRun restart = stack.kit("start", "cdc-bridge");
        assertThat(restart.exitCode()).as(restart.output()).isZero();

        stream.get();
        assertThat(written.get()).isEqualTo(CHANGES);
        awaitMembersReconciled();
    }

    @Test
    void aBrokerDownForThirtySecondsMidStreamLosesNothing() throws Exception {
        AtomicInteger written = new AtomicInteger();
        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> writeChanges(written));

        await().atMost(Duration.ofMinutes(2)).until(() -> written.get() >= CHANGES / 4);
        assertThat(stack.kit("stop", "kafka").exitCode()).isZero();
        Thread.sleep(Duration.ofSeconds(30).toMillis()); // the outage itself, not a wait for a condition
        KitTestStack.KitRun restart = stack.kit("start", "kafka");
        assertThat(restart.exitCode()).as(restart.output()).isZero();

        stream.get();
        awaitMembersReconciled();
    }

    @Test
    void repairReSendsADamagedRowFromTheLegacySide() throws Exception {
        InfraSettings infra = stack.infra();
        String login = "repair-" + UUID.randomUUID().toString().substring(0, 8);
        long id;
        try (Connection legacy = connect(infra, infra.legacy().database(), infra.legacy().user(), infra.legacy().password())) {
            try (PreparedStatement insert = legacy.prepareStatement(
                    "INSERT INTO TB_MEMBER (LOGIN_ID, MBR_NM, EMAIL_ADDR, GRADE_CD) VALUES (?, '복구 대상', ?, 'G')")) {
                insert.setString(1, login);
                insert.setString(2, login + "@example.com");
                insert.executeUpdate();
            }
            id = single(legacy, "SELECT MBR_NO FROM TB_MEMBER WHERE LOGIN_ID = '" + login + "'");
        }
        try (Connection member = connect(infra, infra.member().database(), infra.member().user(), infra.member().password())) {
            await().atMost(Duration.ofMinutes(1)).until(() -> single(member, "SELECT COUNT(*) FROM MEMBER WHERE id = " + id) == 1);
            // A copy damaged behind the change feed's back: a manual fix, a bug, a restored backup.
            try (PreparedStatement damage = member.prepareStatement("UPDATE MEMBER SET name = 'damaged' WHERE id = ?")) {
                damage.setLong(1, id);
                assertThat(damage.executeUpdate()).isEqualTo(1);
            }

            KitTestStack.KitRun found = stack.kit("compare", "data", "--context", "members");
            assertThat(found.exitCode()).as(found.output()).isEqualTo(1);
            assertThat(found.output()).contains("differing: " + id);

            KitTestStack.KitRun repaired = stack.kit("compare", "data", "--context", "members", "--repair");
            assertThat(repaired.exitCode()).as(repaired.output()).isZero();
            assertThat(repaired.output()).contains("asked the CDC bridge to re-send 1 row(s) from",
                    "0 missing, 0 extra, 0 differing", "members: legacy and extracted agree");
            try (PreparedStatement name = member.prepareStatement("SELECT name FROM MEMBER WHERE id = ?")) {
                name.setLong(1, id);
                try (var row = name.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString(1)).isEqualTo("복구 대상");
                }
            }
        }
    }

    private static Connection connect(InfraSettings infra, String database, String user, String password)
            throws SQLException {
        return DriverManager.getConnection(infra.jdbcUrl(database), user, password);
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); var row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void awaitMembersReconciled() {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(5)).until(() -> {
            KitTestStack.KitRun compare = stack.kit("compare", "data", "--context", "members");
            return compare.exitCode() == 0 && compare.output().contains("0 missing, 0 extra, 0 differing");
        });
    }

    /** Inserts and updates of legacy members, as the monolith would write them, until {@link #CHANGES} are in. */
    private static void writeChanges(AtomicInteger written) {
        InfraSettings infra = stack.infra();
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (Connection legacy = DriverManager.getConnection(infra.jdbcUrl(infra.legacy().database()),
                infra.legacy().user(), infra.legacy().password());
             PreparedStatement insert = legacy.prepareStatement(
                     "INSERT INTO TB_MEMBER (LOGIN_ID, MBR_NM, EMAIL_ADDR, GRADE_CD) VALUES (?, ?, ?, 'B')");
             PreparedStatement update = legacy.prepareStatement(
                     "UPDATE TB_MEMBER SET MBR_NM = ?, GRADE_CD = 'S' WHERE LOGIN_ID = ?")) {
            for (int i = 0; i < CHANGES; i++) {
                if (i % 2 == 0) {
                    insert.setString(1, "rel-" + run + "-" + i);
                    insert.setString(2, "신뢰성 " + i);
                    insert.setString(3, "rel-" + run + "-" + i + "@example.com");
                    insert.executeUpdate();
                } else {
                    update.setString(1, "갱신 " + i);
                    update.setString(2, "rel-" + run + "-" + (i - 1));
                    update.executeUpdate();
                }
                written.incrementAndGet();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
