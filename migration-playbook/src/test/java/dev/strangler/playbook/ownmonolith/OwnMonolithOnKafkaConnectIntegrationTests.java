package dev.strangler.playbook.ownmonolith;

import static dev.strangler.playbook.ownmonolith.InventoryMigration.WAREHOUSES;
import static dev.strangler.playbook.ownmonolith.InventoryMigration.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.infra.InfraSettings;
import dev.strangler.infra.testing.SharedInfrastructure;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same monolith with its capture on Kafka Connect: a distributed worker (Kafka's own runtime, Debezium's MariaDB
 * connector on its class path) runs the connector that {@code kit cdc connector-config} renders from the bridge's
 * settings, submitted through Connect's REST API. The extracted service consumes its topics with the settings it
 * had; {@code kit compare data} finds nothing to reconcile. The packaged bridge runs beside it with
 * {@code kit.cdc.forward.engine=KAFKA_CONNECT}: barriers on the connector's watermarks, repairs through the
 * connector's signal table, the reverse path after a write cut-over.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OwnMonolithOnKafkaConnectIntegrationTests {

    private static final String TOKEN = "connect-inventory-token-0123456789";
    private static final String CONNECTOR = "kit-cdc-forward-kcinv";
    private static final Path WORK = Path.of("target", "own-monolith-connect").toAbsolutePath();
    private static final Path SECRETS = WORK.resolve("secrets").resolve("cdc.properties");
    private static final int STOCK_PER_WAREHOUSE = 5;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The service's account and database, on the shared server beside the legacy schema. */
    private static final String SERVICE_DATABASE = """
            CREATE DATABASE kc_db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
            CREATE USER kc_svc@'%' IDENTIFIED BY 'kc_svc_pw';
            GRANT ALL PRIVILEGES ON kc_db.* TO kc_svc@'%';
            GRANT SELECT ON kc_db.* TO kc_cdc@'%';
            FLUSH PRIVILEGES;
            """;

    private static InfraSettings infra;
    private static InventoryMigration inventory;
    private static ConnectWorker connect;
    private static BridgeProcess bridge;
    private static JdbcTemplate legacy;
    private static JdbcTemplate extracted;
    private static KitRun rendered;

    @BeforeAll
    static void start() throws Exception {
        FileSystemUtils.deleteRecursively(WORK);
        infra = SharedInfrastructure.settings();
        // The own-monolith test's legacy inventory, under names of its own on the shared server, the service beside it.
        inventory = new InventoryMigration(new InventoryNames("kc", "kc-inventory", "kcinv", 6501),
                List.of("TB_WAREHOUSE", "TB_STOCK"), "connect-playbook.yml", WORK, TOKEN, infra.databasePort());
        inventory.createLegacy(STOCK_PER_WAREHOUSE);
        SharedInfrastructure.get().database().runAsAdministrator(SERVICE_DATABASE);
        legacy = inventory.legacy();
        extracted = inventory.extracted();
        // The connector's password, where the worker's FileConfigProvider finds it: never in its configuration.
        Files.createDirectories(SECRETS.getParent());
        Files.writeString(SECRETS, "CDC_DB_PASSWORD=kc_cdc_pw\n");

        // What the bridge runs with and what kit cdc connector-config renders from: the captured tables, topics and
        // kit tables are the connector's, the rest is the bridge's own.
        Map<String, String> settings = inventory.bridgeSettings();
        // The forward path is the connector's; the bridge keeps the outbox relay, the reverse path and barriers.
        settings.put("kit.cdc.forward.engine", "KAFKA_CONNECT");
        // One broker: the watermark topic the bridge creates gets one replica.
        settings.put("kit.cdc.storage.replication-factor", "1");
        inventory.startBridge(settings);
        bridge = inventory.bridge();
        connect = ConnectWorker.start(infra.kafkaBootstrapServers(), "kc-connect", freePort(), SECRETS.getParent());
        List<String> args = new ArrayList<>(List.of("cdc", "connector-config", "--secrets-file=" + SECRETS));
        settings.forEach((name, value) -> args.add(name + "=" + value));
        rendered = inventory.kit(args.toArray(String[]::new));
        HttpResponse<String> created = inventory.send("POST", connect.url().resolve("/connectors"), rendered.output(),
                false);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        inventory.startService();
        bridge.awaitUp();
    }

    @AfterAll
    static void stop() {
        try (var second = connect; var first = inventory) {
            // the bridge and the service, then the Connect worker: each that was started
        }
    }

    @Test
    @Order(1)
    void theConnectorThatKitRendersRunsOnTheWorkerWithItsPasswordByReference() throws Exception {
        assertThat(rendered.exitCode()).as(rendered.errors()).isZero();
        JsonNode config = JSON.readTree(rendered.output()).path("config");
        assertThat(config.path("database.password").asString())
                .isEqualTo("${file:" + SECRETS + ":CDC_DB_PASSWORD}");
        assertThat(rendered.output()).doesNotContain("kc_cdc_pw");
        assertThat(config.path("table.include.list").asString()).contains("kc_legacy\\.TB_STOCK", "KIT_CDC_SIGNAL");
        assertThat(config.path("transforms.kitTopic1.replacement").asString()).isEqualTo("kc.legacy.stock");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode status = JSON.readTree(inventory.send("GET",
                    connect.url().resolve("/connectors/" + CONNECTOR + "/status"), null, false).body());
            assertThat(status.path("connector").path("state").asString()).isEqualTo("RUNNING");
            assertThat(status.path("tasks").path(0).path("state").asString()).as(status.toString())
                    .isEqualTo("RUNNING");
        });
    }

    @Test
    @Order(2)
    void theServiceConsumesTheConnectorsTopicsAsItConsumedTheBridgesAndCompareDataFindsNothing() throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(inventory.count("WAREHOUSE")).isEqualTo(WAREHOUSES.size());
            assertThat(inventory.count("STOCK")).isEqualTo(WAREHOUSES.size() * STOCK_PER_WAREHOUSE);
        });
        legacy.update("UPDATE TB_STOCK SET QTY = 99.5, STAT = 'H' WHERE WH_CD = 'SEL' AND SKU = 'SKU-003'");
        legacy.update("INSERT INTO TB_STOCK (WH_CD, SKU, QTY, STAT, ATTRS) VALUES ('ICN', 'NEW-1', 1, 'X', NULL)");
        legacy.update("DELETE FROM TB_STOCK WHERE WH_CD = 'PUS' AND SKU = 'SKU-005'");
        legacy.update("UPDATE TB_WAREHOUSE SET WH_NM = 'Incheon Air' WHERE WH_CD = 'ICN'");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(inventory.quantity("SEL", "SKU-003")).isEqualByComparingTo("99.5");
            assertThat(extracted.queryForObject("SELECT status FROM STOCK WHERE warehouse = 'ICN' AND sku = 'NEW-1'",
                    String.class)).isEqualTo("RETIRED");
            assertThat(inventory.count("STOCK WHERE warehouse = 'PUS' AND sku = 'SKU-005'")).isZero();
            assertThat(extracted.queryForObject("SELECT search_name FROM WAREHOUSE WHERE code = 'ICN'", String.class))
                    .isEqualTo("INCHEON AIR");
        });
        KitRun compared = inventory.compareData();
        assertThat(compared.exitCode()).as(compared.output() + compared.errors()).isZero();
        assertThat(compared.output()).contains("inventory: legacy and extracted agree");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", infra.kafkaBootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).as("signals, echo markers, transaction boundaries dropped")
                    .contains("kc.legacy.stock", "kc.legacy.warehouse", "kcinv.kit-watermark")
                    .noneMatch(topic -> topic.startsWith("kcinv.kc_") || topic.equals("kcinv.transaction"));
        }
    }

    @Test
    @Order(3)
    void theBridgeBesideItRunsBarriersOnTheConnectorsWatermarksAndLeavesPausingToConnect() throws Exception {
        HttpResponse<String> barrier = inventory.send("POST", URI.create(bridge.url() + "/cdc/barriers?wait=20s"), "",
                true);
        assertThat(barrier.statusCode()).as(barrier.body()).isEqualTo(200);
        assertThat(JSON.readTree(barrier.body()).path("complete").asBoolean()).isTrue();
        assertThat(JSON.readTree(barrier.body()).path("groups").toString()).contains("kc-inventory-service.");

        HttpResponse<String> pause = inventory.send("POST", URI.create(bridge.url() + "/cdc/pause"), "", true);
        assertThat(pause.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(pause.body()).path("type").asString())
                .isEqualTo("https://strangler.dev/problems/forward-on-kafka-connect");
        assertThat(JSON.readTree(pause.body()).path("detail").asString())
                .contains("PUT /connectors/" + CONNECTOR + "/pause");
    }

    @Test
    @Order(4)
    void aRepairIsSnapshottedByTheConnectorThroughTheSignalTable() {
        extracted.update("UPDATE STOCK SET quantity = quantity + 1 WHERE warehouse = 'PUS' AND sku = 'SKU-002'");
        KitRun found = inventory.compareData();
        assertThat(found.exitCode()).as(found.output()).isEqualTo(1);

        KitRun repaired = inventory.compareData("--repair");
        assertThat(repaired.exitCode()).as(repaired.output() + repaired.errors()).isZero();
        assertThat(repaired.output()).contains("asked the CDC bridge to re-send 1 row(s) from kc_legacy.TB_STOCK",
                "inventory: legacy and extracted agree");
        assertThat(inventory.quantity("PUS", "SKU-002")).isEqualByComparingTo("2.125");
    }

    @Test
    @Order(5)
    void afterTheWriteCutOverTheBridgesReversePathWritesTheLegacyTables() throws Exception {
        assertThat(inventory.callService("PUT", "/admin/ownership",
                "{\"mode\": \"SERVICE_OWNS\", \"reason\": \"stock write cut-over\"}").body())
                .contains("SERVICE_OWNS");
        assertThat(bridge.put("/cdc/reverse", "{\"enabled\": true, \"reason\": \"stock write cut-over\"}"))
                .contains("\"enabled\":true");

        HttpResponse<String> written = inventory.callService("PUT", "/stock/ICN/SKU-004",
                "{\"quantity\": 5.5, \"status\": \"HELD\"}");
        assertThat(written.statusCode()).as(written.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(legacy.queryForMap(
                "SELECT QTY, STAT FROM TB_STOCK WHERE WH_CD = 'ICN' AND SKU = 'SKU-004'"))
                .satisfies(row -> assertThat((BigDecimal) row.get("QTY")).isEqualByComparingTo("5.5"))
                .containsEntry("STAT", "H"));
        // The reverse path's write comes back through the connector; the service keeps its own version of the row.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            KitRun run = inventory.compareData();
            assertThat(run.exitCode()).as(run.output() + run.errors()).isZero();
        });
    }
}
