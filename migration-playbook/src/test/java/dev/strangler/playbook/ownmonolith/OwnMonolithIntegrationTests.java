package dev.strangler.playbook.ownmonolith;

import static dev.strangler.playbook.ownmonolith.InventoryMigration.WAREHOUSES;
import static dev.strangler.playbook.ownmonolith.InventoryMigration.freePort;
import static dev.strangler.playbook.ownmonolith.InventoryMigration.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.strangler.infra.mariadb.Durability;
import dev.strangler.infra.mariadb.EmbeddedMariaDb;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * A monolith the kit never saw, migrated by configuration alone. Its legacy inventory schema (composite keys,
 * TIMESTAMP version columns, DECIMAL, ENUM, JSON, a BLOB, a generated column, a trigger) lives on the shared
 * MariaDB, whose accounts for the bridge demand TLS; the extracted service's database is on a second MariaDB
 * server. The packaged CDC bridge runs as a process with command-line settings only; the service is the starter
 * and a few lines of its own. Backfill, streaming, {@code kit compare data} finding and repairing a seeded
 * difference, and the reverse path after a write cut-over: none needs a change to the kit's code.
 *
 * <p>The steps build on each other (the backfill is what the stream changes), hence the order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OwnMonolithIntegrationTests {

    private static final String TOKEN = "inventory-admin-token-0123456789";
    private static final Path WORK = Path.of("target", "own-monolith").toAbsolutePath();
    private static final int STOCK_PER_WAREHOUSE = 20;

    private static EmbeddedMariaDb servicesServer;
    private static InventoryMigration inventory;
    private static BridgeProcess bridge;
    private static JdbcTemplate legacy;
    private static JdbcTemplate extracted;

    @BeforeAll
    static void start() throws IOException {
        FileSystemUtils.deleteRecursively(WORK); // an earlier run's databases and bridge position
        servicesServer = new EmbeddedMariaDb(freePort(), WORK.resolve("services-db"), Durability.FAST);
        servicesServer.start();
        servicesServer.runAsAdministrator(resource("services-server.sql"));
        inventory = new InventoryMigration(new InventoryNames("inv", "inventory", "inventory", 6401),
                List.of("TB_WAREHOUSE", "TB_STOCK", "TB_LABEL"), "inventory-playbook.yml", WORK, TOKEN,
                servicesServer.port());
        inventory.createLegacy(STOCK_PER_WAREHOUSE);
        legacy = inventory.legacy();
        extracted = inventory.extracted();

        Map<String, String> settings = inventory.bridgeSettings();
        // The services' outboxes are on their own server, read with an account of that server.
        settings.put("kit.cdc.outbox.source.host", "127.0.0.1");
        settings.put("kit.cdc.outbox.source.port", Integer.toString(servicesServer.port()));
        settings.put("kit.cdc.outbox.source.user", "svc_cdc");
        settings.put("kit.cdc.outbox.source.password", "svc_cdc_pw");
        settings.put("kit.cdc.outbox.watermark", "kit_db.KIT_CDC_WATERMARK");
        // Both at once, as a deployment would: the bridge waits for the outbox table the service's migration creates.
        inventory.startBridge(settings);
        inventory.startService();
        bridge = inventory.bridge();
        bridge.awaitUp();
    }

    @AfterAll
    static void stop() {
        try (var second = servicesServer; var first = inventory) {
            // the bridge and the service, then their database server: each that was started
        }
    }

    @Test
    @Order(1)
    void theBridgesAccountsOnTheLegacyServerAreRefusedWithoutTls() throws Exception {
        String withoutTls = inventory.legacyUrl("", "DISABLED");
        assertThatThrownBy(() -> DriverManager.getConnection(withoutTls, "inv_cdc", "inv_cdc_pw").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
        assertThat(bridge.get("/cdc/status")).contains("\"running\":true");
        assertThat(bridge.statusWithoutToken("/cdc/status")).as("the operations API wants the token").isEqualTo(401);
    }

    @Test
    @Order(2)
    void theBackfillCopiesEveryRowWithItsTypesIntact() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(inventory.count("WAREHOUSE")).isEqualTo(WAREHOUSES.size());
            assertThat(inventory.count("STOCK")).isEqualTo(WAREHOUSES.size() * STOCK_PER_WAREHOUSE);
            assertThat(inventory.count("LABEL")).isEqualTo(3);
        });
        // The trigger-set column, the exact decimal, the translated ENUM, the JSON and the TIMESTAMP version.
        assertThat(extracted.queryForObject("SELECT search_name FROM WAREHOUSE WHERE code = 'PUS'", String.class))
                .isEqualTo("BUSAN PORT");
        Map<String, Object> stock = extracted.queryForMap("SELECT * FROM STOCK WHERE warehouse = 'SEL' AND sku = 'SKU-007'");
        assertThat((BigDecimal) stock.get("quantity")).isEqualByComparingTo("7.125");
        assertThat(stock.get("status")).isEqualTo("HELD");
        assertThat(stock.get("attributes").toString()).contains("\"dims\"", "[1.5,2,3]");
        assertThat(extracted.queryForObject("SELECT updated_at FROM STOCK WHERE warehouse = 'SEL' AND sku = 'SKU-007'",
                LocalDateTime.class)).isEqualTo(legacy.queryForObject(
                "SELECT LAST_UPDATE FROM TB_STOCK WHERE WH_CD = 'SEL' AND SKU = 'SKU-007'", LocalDateTime.class));
        assertThat(extracted.queryForObject("SELECT image FROM LABEL WHERE warehouse = 'SEL' AND sku = 'SKU-001' AND seq = 2",
                byte[].class)).containsExactly(0, 1, 2, 0xff, 0xfe);
        assertThat(extracted.queryForObject("SELECT printed_on FROM LABEL WHERE warehouse = 'SEL' AND sku = 'SKU-001' AND seq = 2",
                LocalDate.class)).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    @Order(3)
    void changesStreamAsTheMonolithMakesThem() {
        legacy.update("UPDATE TB_STOCK SET QTY = 99.5, STAT = 'A' WHERE WH_CD = 'SEL' AND SKU = 'SKU-003'");
        legacy.update("INSERT INTO TB_STOCK (WH_CD, SKU, QTY, STAT, ATTRS) VALUES ('ICN', 'NEW-1', 1, 'X', NULL)");
        legacy.update("DELETE FROM TB_STOCK WHERE WH_CD = 'PUS' AND SKU = 'SKU-019'");
        legacy.update("UPDATE TB_WAREHOUSE SET WH_NM = 'Incheon Air' WHERE WH_CD = 'ICN'");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(inventory.quantity("SEL", "SKU-003")).isEqualByComparingTo("99.5");
            assertThat(extracted.queryForObject("SELECT status FROM STOCK WHERE warehouse = 'ICN' AND sku = 'NEW-1'",
                    String.class)).isEqualTo("RETIRED");
            assertThat(inventory.count("STOCK WHERE warehouse = 'PUS' AND sku = 'SKU-019'")).isZero();
            assertThat(extracted.queryForObject("SELECT search_name FROM WAREHOUSE WHERE code = 'ICN'", String.class))
                    .isEqualTo("INCHEON AIR");
        });
    }

    @Test
    @Order(4)
    void compareDataFindsASeededDifferenceAndRepairMendsIt() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            KitRun run = inventory.compareData();
            assertThat(run.exitCode()).as(run.output() + run.errors()).isZero();
        });

        extracted.update("UPDATE STOCK SET quantity = quantity + 1 WHERE warehouse = 'PUS' AND sku = 'SKU-011'");
        extracted.update("UPDATE LABEL SET image = x'00' WHERE warehouse = 'SEL' AND sku = 'SKU-001' AND seq = 1");

        KitRun found = inventory.compareData();
        assertThat(found.exitCode()).as(found.output()).isEqualTo(1);
        assertThat(found.output()).contains("TB_STOCK (60 rows) vs STOCK (60 rows): 0 missing, 0 extra, 1 differing",
                "[PUS, SKU-011] [QTY=11.125 vs quantity=12.125]", "TB_LABEL (3 rows) vs LABEL (3 rows): 0 missing,"
                        + " 0 extra, 1 differing", "[SEL, SKU-001, 1] [IMG=", "inventory: 2 difference(s)");

        KitRun repaired = inventory.compareData("--repair");
        assertThat(repaired.exitCode()).as(repaired.output() + repaired.errors()).isZero();
        assertThat(repaired.output()).contains("asked the CDC bridge to re-send 1 row(s) from inv_legacy.TB_STOCK",
                "inventory: legacy and extracted agree");
        assertThat(inventory.quantity("PUS", "SKU-011")).isEqualByComparingTo(legacy.queryForObject(
                "SELECT QTY FROM TB_STOCK WHERE WH_CD = 'PUS' AND SKU = 'SKU-011'", BigDecimal.class));
    }

    @Test
    @Order(5)
    void afterTheWriteCutOverTheServicesWritesReachTheLegacyTables() throws Exception {
        assertThat(inventory.callService("PUT", "/admin/ownership",
                "{\"mode\": \"SERVICE_OWNS\", \"reason\": \"stock write cut-over\"}").body())
                .contains("SERVICE_OWNS");
        assertThat(bridge.put("/cdc/reverse", "{\"enabled\": true, \"reason\": \"stock write cut-over\"}"))
                .contains("\"enabled\":true");

        HttpResponse<String> written = inventory.callService("PUT", "/stock/ICN/SKU-005",
                "{\"quantity\": 5.5, \"status\": \"HELD\"}");
        assertThat(written.statusCode()).as(written.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Object> row = legacy.queryForMap(
                    "SELECT QTY, STAT, QTY_BAND FROM TB_STOCK WHERE WH_CD = 'ICN' AND SKU = 'SKU-005'");
            assertThat((BigDecimal) row.get("QTY")).isEqualByComparingTo("5.5");
            assertThat(row.get("STAT")).isEqualTo("H");
            assertThat(row.get("QTY_BAND")).as("the generated column follows").isEqualTo("UNIT");
        });
        // The legacy row and the service's agree, version column included: nothing left to reconcile.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            KitRun run = inventory.compareData();
            assertThat(run.exitCode()).as(run.output() + run.errors()).isZero();
        });
    }
}
