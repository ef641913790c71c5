package dev.strangler.playbook.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.infra.InfraSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The whole stack under failure. {@code kit up --detach} leaves a supervisor that starts killed parts again; a stream
 * of legacy changes loses nothing while the bridge is killed or the broker is away; a copy damaged behind the feed's
 * back is found and repaired; every row survives {@code kit down} and {@code kit up}, the bridge resuming from its
 * offsets; a purged binlog is a recoverable state with its command. Part of {@link WholeStackIntegrationTests}, on
 * its shared stack, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KitStackIntegrationTests {

    private static final int CHANGES = 4_000;
    private static KitTestStack stack;

    @BeforeAll
    static void up() throws Exception {
        stack = WholeStack.up();
    }

    /** Keeps the state (the parts' logs) of a failed run for a look; a passed one leaves nothing in /tmp. */
    @RegisterExtension
    static final TestWatcher KEEP_STATE_OF_FAILURES = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            WholeStack.keepState();
        }
    };

    @Test
    @Order(1)
    void upReachesAllHealthyUnderASupervisor() throws Exception {
        KitTestStack.KitRun status = stack.kit("status");
        assertThat(status.output().lines().filter(line -> line.contains(" healthy "))).hasSize(8);
        assertThat(status.output()).contains("Supervised by PID");

        KitTestStack.KitRun again = stack.kit("up", "--detach");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.output()).contains("the stack is already running");

        HttpResponse<String> throughProxy = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + stack.environment().get("PROXY_PORT") + "/api/products")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(throughProxy.statusCode()).as("the proxy forwards to the monolith").isEqualTo(200);
        assertThat(throughProxy.body()).contains("\"content\"");
    }

    @Test
    @Order(2)
    void aBridgeKilledMidStreamIsStartedAgainByTheSupervisorAndLosesNothing() throws Exception {
        LegacyChangeStream stream = LegacyChangeStream.start(stack.infra(), CHANGES);
        await().atMost(Duration.ofMinutes(2)).until(() -> stream.written() >= CHANGES / 4);
        ProcessHandle bridge = ProcessHandle.of(stack.pid("cdc-bridge")).orElseThrow();
        bridge.destroyForcibly(); // SIGKILL: no shutdown hook, no offset flush
        stack.awaitRestarted("cdc-bridge", bridge.pid());

        assertThat(stream.finish()).isEqualTo(CHANGES);
        awaitMembersReconciled();
        assertThat(stack.kit("status").output())
                .contains("cdc-bridge was started again 1 time(s); last exit: exit code 137 (killed by signal 9)");
        assertThat(Files.readString(stack.state().resolve("logs/cdc-bridge.log")))
                .as("the log of the killed bridge is kept, and the restart is marked in it")
                .contains("started again by the kit's supervisor after it exited: exit code 137");
    }

    @Test
    @Order(3)
    void aKilledDatabaseServerComesBackWithItsLauncherAndTheStackFollows() throws Exception {
        long launcher = stack.pid("mariadb");
        ProcessHandle server = ProcessHandle.of(launcher).orElseThrow().descendants()
                .filter(process -> process.info().command().orElse("").endsWith("mariadbd")).findFirst().orElseThrow();
        server.destroyForcibly();
        stack.awaitRestarted("mariadb", launcher);

        assertThat(stack.kit("status").output()).contains("mariadb was started again 1 time(s); last exit: exit code 3");
        LegacyChangeStream stream = LegacyChangeStream.start(stack.infra(), 200);
        assertThat(stream.finish()).isEqualTo(200);
        awaitMembersReconciled(); // the bridge reconnected to the new server and captures again
        await().atMost(Duration.ofMinutes(1)).until(() -> stack.kit("status").output().lines()
                .filter(line -> line.contains(" healthy ")).count() == 8);
    }

    @Test
    @Order(4)
    void aBrokerAwayMidStreamLosesNothing() throws Exception {
        LegacyChangeStream stream = LegacyChangeStream.start(stack.infra(), CHANGES);
        await().atMost(Duration.ofMinutes(2)).until(() -> stream.written() >= CHANGES / 4);
        assertThat(stack.kit("stop", "kafka").exitCode()).isZero();
        // The outage itself, not a wait for a condition: longer than every client's reconnect back-off (1 s), so
        // the bridge's producer and the consumers all meet a broker that is gone.
        Thread.sleep(Duration.ofSeconds(6).toMillis());
        KitTestStack.KitRun restart = stack.kit("start", "kafka");
        assertThat(restart.exitCode()).as(restart.output()).isZero();

        assertThat(stream.finish()).isEqualTo(CHANGES);
        awaitMembersReconciled();
    }

    @Test
    @Order(5)
    void repairReSendsADamagedRowFromTheLegacySide() throws Exception {
        InfraSettings infra = stack.infra();
        String login = "repair-" + UUID.randomUUID().toString().substring(0, 8);
        long id;
        try (Connection legacy = connect(infra)) {
            try (PreparedStatement insert = legacy.prepareStatement(
                    "INSERT INTO TB_MEMBER (LOGIN_ID, MBR_NM, EMAIL_ADDR, GRADE_CD) VALUES (?, '복구 대상', ?, 'G')")) {
                insert.setString(1, login);
                insert.setString(2, login + "@example.com");
                insert.executeUpdate();
            }
            id = single(legacy, "SELECT MBR_NO FROM TB_MEMBER WHERE LOGIN_ID = '" + login + "'");
        }
        try (Connection member = DriverManager.getConnection(infra.jdbcUrl(infra.member().database()),
                infra.member().user(), infra.member().password())) {
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> single(member, "SELECT COUNT(*) FROM MEMBER WHERE id = " + id) == 1);
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
                try (ResultSet row = name.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString(1)).isEqualTo("복구 대상");
                }
            }
        }
    }

    @Test
    @Order(6)
    void everyRowSurvivesDownAndUpAndTheBridgeResumesFromItsOffsets() throws Exception {
        assertThat(stack.kit("seed", "--members", "200", "--orders", "200").exitCode()).isZero();
        InfraSettings infra = stack.infra();
        long members = count(infra, "SELECT COUNT(*) FROM TB_MEMBER");
        long orders = count(infra, "SELECT COUNT(*) FROM TB_ORDER");
        assertThat(orders).isGreaterThanOrEqualTo(200);

        assertThat(stack.kit("down").exitCode()).isZero();
        KitTestStack.KitRun up = stack.kit("up", "--detach", "--timeout", "300");
        assertThat(up.exitCode()).as(up.output()).isZero();

        assertThat(count(infra, "SELECT COUNT(*) FROM TB_MEMBER")).isEqualTo(members);
        assertThat(count(infra, "SELECT COUNT(*) FROM TB_ORDER")).isEqualTo(orders);
        String token = Files.readString(stack.state().resolve("run/proxy-admin.token")).trim();
        String bridgeStatus = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + stack.environment().get("CDC_BRIDGE_PORT") + "/cdc/status"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(bridgeStatus).as("resumed from its offsets, not snapshotted again").contains("\"snapshotRows\":0");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> stack.kit("compare", "data", "--context", "members").exitCode() == 0);
    }

    @Test
    @Order(7)
    void aPurgedBinlogIsAClearStateWithTheCommandThatRecovers() throws Exception {
        assertThat(stack.kit("stop", "cdc-bridge").exitCode()).isZero();
        InfraSettings infra = stack.infra();
        try (Connection legacy = connect(infra)) {
            legacy.createStatement().executeUpdate("INSERT INTO TB_MEMBER (LOGIN_ID, MBR_NM, EMAIL_ADDR, GRADE_CD) "
                    + "VALUES ('purged-binlog', '이진 로그', 'purged@example.com', 'G')");
        }
        purgeBinaryLogs();

        KitTestStack.KitRun start = stack.kit("start", "cdc-bridge");
        assertThat(start.exitCode()).as(start.output()).isZero();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> stack.kit("status").output().contains("cdc-bridge needs attention"));
        KitTestStack.KitRun status = stack.kit("status");
        assertThat(status.output()).contains("binlog position is no longer on the server",
                "recover with: ./kit cdc resnapshot");
        assertThat(status.output().lines().filter(line -> line.contains(" healthy ")))
                .as("the rest of the stack stays up").hasSize(7);

        KitTestStack.KitRun resnapshot = stack.kit("cdc", "resnapshot");
        assertThat(resnapshot.exitCode()).as(resnapshot.output()).isZero();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> stack.kit("compare", "data", "--context", "members").exitCode() == 0);
        assertThat(stack.kit("status").output().lines().filter(line -> line.contains(" healthy "))).hasSize(8);
    }

    /**
     * As the database's administrator, over its socket: what an operator (or a retention policy) does. MariaDB keeps a
     * binlog file until InnoDB has checkpointed its transactions, so the purge is repeated until only the new file is
     * left.
     */
    private static void purgeBinaryLogs() throws Exception {
        administrator("FLUSH BINARY LOGS");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> administrator(
                "PURGE BINARY LOGS BEFORE NOW() + INTERVAL 1 MINUTE; SHOW BINARY LOGS").lines()
                .filter(line -> line.startsWith("mariadb-bin.")).count() == 1);
    }

    private static String administrator(String sql) throws Exception {
        Path mariadb = stack.state().resolve("mariadb");
        Process client = new ProcessBuilder(mariadb.resolve("base/bin/mariadb").toString(),
                "--socket=" + mariadb.resolve("mariadb.sock"), "-e", sql).redirectErrorStream(true).start();
        String output = new String(client.getInputStream().readAllBytes());
        assertThat(client.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(client.exitValue()).as(output).isZero();
        return output;
    }

    private static Connection connect(InfraSettings infra) throws SQLException {
        return DriverManager.getConnection(infra.jdbcUrl(infra.legacy().database()), infra.legacy().user(),
                infra.legacy().password());
    }

    private static long count(InfraSettings infra, String sql) throws SQLException {
        try (Connection legacy = connect(infra)) {
            return single(legacy, sql);
        }
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
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
}
