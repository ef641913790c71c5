package dev.strangler.playbook.ownmonolith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.strangler.infra.InfraSettings;
import dev.strangler.infra.mariadb.Durability;
import dev.strangler.infra.mariadb.EmbeddedMariaDb;
import dev.strangler.infra.testing.SharedInfrastructure;
import dev.strangler.playbook.KitCli;
import dev.strangler.playbook.KitContext;
import dev.strangler.playbook.stack.StackLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
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
    private static final List<String> WAREHOUSES = List.of("SEL", "PUS", "ICN");

    private static InfraSettings infra;
    private static EmbeddedMariaDb servicesServer;
    private static ConfigurableApplicationContext service;
    private static BridgeProcess bridge;
    private static JdbcTemplate legacy;
    private static JdbcTemplate extracted;

    @BeforeAll
    static void start() throws IOException {
        FileSystemUtils.deleteRecursively(WORK); // an earlier run's databases and bridge position
        infra = SharedInfrastructure.settings();
        SharedInfrastructure.get().database().runAsAdministrator(resource("legacy-inventory.sql"));
        legacy = new JdbcTemplate(new DriverManagerDataSource(legacyUrl("inv_legacy", "REQUIRED"), "inv_app", "inv_app_pw"));
        seedLegacy();

        servicesServer = new EmbeddedMariaDb(freePort(), WORK.resolve("services-db"), Durability.FAST);
        servicesServer.start();
        servicesServer.runAsAdministrator(resource("services-server.sql"));
        extracted = new JdbcTemplate(new DriverManagerDataSource(servicesUrl("inv_db"), "inv_svc", "inv_svc_pw"));

        // Both at once, as a deployment would: the bridge waits for the outbox table the service's migration creates.
        bridge = BridgeProcess.start(WORK.resolve("bridge"), freePort(), TOKEN, bridgeSettings());
        service = new SpringApplicationBuilder(InventoryService.class).properties(serviceSettings()).run();
        bridge.awaitUp();
    }

    @AfterAll
    static void stop() {
        try {
            if (bridge != null) {
                bridge.close();
            }
        } finally {
            try {
                if (service != null) {
                    service.close();
                }
            } finally {
                if (servicesServer != null) {
                    servicesServer.close();
                }
            }
        }
    }

    @Test
    @Order(1)
    void theBridgesAccountsOnTheLegacyServerAreRefusedWithoutTls() throws Exception {
        assertThatThrownBy(() -> DriverManager.getConnection(legacyUrl("", "DISABLED"), "inv_cdc", "inv_cdc_pw").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
        assertThat(bridge.get("/cdc/status")).contains("\"running\":true");
        assertThat(bridge.statusWithoutToken("/cdc/status")).as("the operations API wants the token").isEqualTo(401);
    }

    @Test
    @Order(2)
    void theBackfillCopiesEveryRowWithItsTypesIntact() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(count("WAREHOUSE")).isEqualTo(WAREHOUSES.size());
            assertThat(count("STOCK")).isEqualTo(WAREHOUSES.size() * STOCK_PER_WAREHOUSE);
            assertThat(count("LABEL")).isEqualTo(3);
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
            assertThat(quantity("SEL", "SKU-003")).isEqualByComparingTo("99.5");
            assertThat(extracted.queryForObject("SELECT status FROM STOCK WHERE warehouse = 'ICN' AND sku = 'NEW-1'",
                    String.class)).isEqualTo("RETIRED");
            assertThat(count("STOCK WHERE warehouse = 'PUS' AND sku = 'SKU-019'")).isZero();
            assertThat(extracted.queryForObject("SELECT search_name FROM WAREHOUSE WHERE code = 'ICN'", String.class))
                    .isEqualTo("INCHEON AIR");
        });
    }

    @Test
    @Order(4)
    void compareDataFindsASeededDifferenceAndRepairMendsIt() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Run run = compareData();
            assertThat(run.exitCode()).as(run.output() + run.errors()).isZero();
        });

        extracted.update("UPDATE STOCK SET quantity = quantity + 1 WHERE warehouse = 'PUS' AND sku = 'SKU-011'");
        extracted.update("UPDATE LABEL SET image = x'00' WHERE warehouse = 'SEL' AND sku = 'SKU-001' AND seq = 1");

        Run found = compareData();
        assertThat(found.exitCode()).as(found.output()).isEqualTo(1);
        assertThat(found.output()).contains("TB_STOCK (60 rows) vs STOCK (60 rows): 0 missing, 0 extra, 1 differing",
                "[PUS, SKU-011] [QTY=11.125 vs quantity=12.125]", "TB_LABEL (3 rows) vs LABEL (3 rows): 0 missing,"
                        + " 0 extra, 1 differing", "[SEL, SKU-001, 1] [IMG=", "inventory: 2 difference(s)");

        Run repaired = compareData("--repair");
        assertThat(repaired.exitCode()).as(repaired.output() + repaired.errors()).isZero();
        assertThat(repaired.output()).contains("asked the CDC bridge to re-send 1 row(s) from inv_legacy.TB_STOCK",
                "inventory: legacy and extracted agree");
        assertThat(quantity("PUS", "SKU-011")).isEqualByComparingTo(legacy.queryForObject(
                "SELECT QTY FROM TB_STOCK WHERE WH_CD = 'PUS' AND SKU = 'SKU-011'", BigDecimal.class));
    }

    @Test
    @Order(5)
    void afterTheWriteCutOverTheServicesWritesReachTheLegacyTables() throws Exception {
        assertThat(http("PUT", serviceUrl("/admin/ownership"),
                "{\"mode\": \"SERVICE_OWNS\", \"reason\": \"stock write cut-over\"}").body())
                .contains("SERVICE_OWNS");
        assertThat(bridge.put("/cdc/reverse", "{\"enabled\": true, \"reason\": \"stock write cut-over\"}"))
                .contains("\"enabled\":true");

        HttpResponse<String> written = http("PUT", serviceUrl("/stock/ICN/SKU-005"),
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
            Run run = compareData();
            assertThat(run.exitCode()).as(run.output() + run.errors()).isZero();
        });
    }

    private static void seedLegacy() {
        legacy.update("INSERT INTO TB_WAREHOUSE (WH_CD, WH_NM) VALUES ('SEL', 'Seoul Central'), ('PUS', 'Busan Port'),"
                + " ('ICN', 'Incheon')");
        for (String warehouse : WAREHOUSES) {
            for (int i = 1; i <= STOCK_PER_WAREHOUSE; i++) {
                legacy.update("INSERT INTO TB_STOCK (WH_CD, SKU, QTY, STAT, ATTRS) VALUES (?, ?, ?, ?, ?)", warehouse,
                        String.format("SKU-%03d", i), new BigDecimal(i + ".125"), i % 7 == 0 ? "H" : "A",
                        i % 5 == 0 ? null : "{\"colour\": \"red\", \"dims\": [1.5, 2, 3], \"n\": " + i + "}");
            }
        }
        legacy.update("INSERT INTO TB_LABEL (WH_CD, SKU, LABEL_SEQ, IMG, PRINTED, MODIFIED) VALUES (?, ?, ?, ?, ?, ?)",
                "SEL", "SKU-001", 1, "label one".getBytes(StandardCharsets.UTF_8), null, "2026-11-30 09:00:00.001");
        legacy.update("INSERT INTO TB_LABEL (WH_CD, SKU, LABEL_SEQ, IMG, PRINTED, MODIFIED) VALUES (?, ?, ?, ?, ?, ?)",
                "SEL", "SKU-001", 2, new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe}, "2026-11-30", "2026-11-30 09:00:00.002");
        legacy.update("INSERT INTO TB_LABEL (WH_CD, SKU, LABEL_SEQ, IMG, PRINTED, MODIFIED) VALUES (?, ?, ?, ?, ?, ?)",
                "PUS", "SKU-002", 1, null, "2026-01-01", "2026-11-30 09:00:00.003");
    }

    private static Map<String, Object> serviceSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("spring.application.name", "inventory-service");
        settings.put("server.port", "0");
        settings.put("server.address", "127.0.0.1");
        settings.put("spring.datasource.url", servicesUrl("inv_db"));
        settings.put("spring.datasource.username", "inv_svc");
        settings.put("spring.datasource.password", "inv_svc_pw");
        settings.put("spring.datasource.hikari.connection-init-sql", "SET time_zone = '+00:00'");
        settings.put("spring.datasource.hikari.maximum-pool-size", "4");
        settings.put("spring.flyway.locations", "classpath:own-monolith/db");
        settings.put("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers());
        settings.put("spring.kafka.consumer.group-id", "inventory-service");
        settings.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        settings.put("spring.mvc.problemdetails.enabled", "true");
        settings.put("kit.ownership.subject", "stock");
        settings.put("kit.ownership.default-mode", "LEGACY_OWNS");
        settings.put("kit.ownership.admin-token", TOKEN);
        table(settings, 0, "TB_WAREHOUSE", "warehouse", "WAREHOUSE", Map.of("WH_CD", "code"), "LAST_UPDATE",
                List.of(column("WH_NM", "name", null), column("WH_NM_SRCH", "search_name", null),
                        column("LAST_UPDATE", "updated_at", "INSTANT")));
        table(settings, 1, "TB_STOCK", "stock", "STOCK", orderedMap("WH_CD", "warehouse", "SKU", "sku"), "LAST_UPDATE",
                List.of(column("QTY", "quantity", "NUMBER"), column("STAT", "status", null),
                        column("ATTRS", "attributes", "JSON"), column("LAST_UPDATE", "updated_at", "INSTANT")));
        settings.put("kit.service.changefeed.tables[1].columns[1].values.A", "ACTIVE");
        settings.put("kit.service.changefeed.tables[1].columns[1].values.H", "HELD");
        settings.put("kit.service.changefeed.tables[1].columns[1].values.X", "RETIRED");
        table(settings, 2, "TB_LABEL", "label", "LABEL", orderedMap("WH_CD", "warehouse", "SKU", "sku", "LABEL_SEQ", "seq"),
                "MODIFIED", List.of(column("IMG", "image", "BYTES"), column("PRINTED", "printed_on", "DATE"),
                        column("MODIFIED", "updated_at", "INSTANT")));
        return settings;
    }

    private static void table(Map<String, Object> settings, int index, String legacyTable, String topic, String target,
                              Map<String, String> key, String version, List<String[]> columns) {
        String prefix = "kit.service.changefeed.tables[" + index + "].";
        settings.put(prefix + "name", legacyTable);
        settings.put(prefix + "topic", "inv.legacy." + topic);
        settings.put(prefix + "target", target);
        settings.put(prefix + "version", version);
        int k = 0;
        for (Map.Entry<String, String> part : key.entrySet()) {
            settings.put(prefix + "key[" + k + "].legacy", part.getKey());
            settings.put(prefix + "key[" + k++ + "].column", part.getValue());
        }
        for (int c = 0; c < columns.size(); c++) {
            settings.put(prefix + "columns[" + c + "].legacy", columns.get(c)[0]);
            settings.put(prefix + "columns[" + c + "].column", columns.get(c)[1]);
            if (columns.get(c)[2] != null) {
                settings.put(prefix + "columns[" + c + "].type", columns.get(c)[2]);
            }
        }
    }

    private static String[] column(String legacyColumn, String column, String type) {
        return new String[] {legacyColumn, column, type};
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** Everything the packaged bridge needs to know about this monolith, none of it the demo's. */
    private static Map<String, String> bridgeSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers());
        // The reverse path writes the legacy tables as the monolith would, over TLS.
        settings.put("spring.datasource.url", legacyUrl("inv_legacy", "REQUIRED"));
        settings.put("spring.datasource.username", "inv_app");
        settings.put("spring.datasource.password", "inv_app_pw");
        settings.put("kit.cdc.connector", "MARIADB");
        settings.put("kit.cdc.source.host", "127.0.0.1");
        settings.put("kit.cdc.source.port", Integer.toString(infra.databasePort()));
        settings.put("kit.cdc.source.user", "inv_cdc");
        settings.put("kit.cdc.source.password", "inv_cdc_pw");
        settings.put("kit.cdc.source.ssl.mode", "REQUIRED");
        settings.put("kit.cdc.source.server-id", "6401");
        settings.put("kit.cdc.source.topic-prefix", "inventory");
        List<String> tables = List.of("TB_WAREHOUSE", "TB_STOCK", "TB_LABEL");
        for (int i = 0; i < tables.size(); i++) {
            settings.put("kit.cdc.tables[" + i + "].table", "inv_legacy." + tables.get(i));
            settings.put("kit.cdc.tables[" + i + "].topic", "inv.legacy." + tables.get(i).substring(3).toLowerCase());
        }
        settings.put("kit.cdc.kit-tables.signal", "inv_kit.KIT_CDC_SIGNAL");
        settings.put("kit.cdc.kit-tables.echo-marker", "inv_kit.KIT_CDC_ECHO_MARKER");
        settings.put("kit.cdc.kit-tables.watermark", "inv_kit.KIT_CDC_WATERMARK");
        settings.put("kit.cdc.startup-wait", "30s");
        settings.put("kit.cdc.storage.kind", "FILE");
        settings.put("kit.cdc.storage.directory", WORK.resolve("bridge").resolve("state").toString());
        // The services' outboxes are on their own server, read with an account of that server.
        settings.put("kit.cdc.outbox.server-id", "6402");
        settings.put("kit.cdc.outbox.topic-prefix", "inventory-services");
        settings.put("kit.cdc.outbox.event-topic-prefix", "inv.outbox.");
        settings.put("kit.cdc.outbox.tables[0]", "inv_db.OUTBOX_EVENT");
        settings.put("kit.cdc.outbox.source.host", "127.0.0.1");
        settings.put("kit.cdc.outbox.source.port", Integer.toString(servicesServer.port()));
        settings.put("kit.cdc.outbox.source.user", "svc_cdc");
        settings.put("kit.cdc.outbox.source.password", "svc_cdc_pw");
        settings.put("kit.cdc.outbox.watermark", "kit_db.KIT_CDC_WATERMARK");
        settings.put("kit.cdc.barrier.group-prefixes[0]", "inventory-service.");
        settings.put("kit.cdc.reverse.consumer-group", "inventory-reverse");
        String mapping = "kit.cdc.reverse.mappings[0].";
        settings.put(mapping + "aggregate-type", "Stock");
        settings.put(mapping + "table", "inv_legacy.TB_STOCK");
        settings.put(mapping + "keys[0].column", "WH_CD");
        settings.put(mapping + "keys[0].field", "warehouse");
        settings.put(mapping + "keys[1].column", "SKU");
        settings.put(mapping + "keys[1].field", "sku");
        settings.put(mapping + "columns[0].column", "QTY");
        settings.put(mapping + "columns[0].field", "quantity");
        settings.put(mapping + "columns[0].type", "NUMBER");
        settings.put(mapping + "columns[1].column", "STAT");
        settings.put(mapping + "columns[1].field", "status");
        settings.put(mapping + "columns[1].values.ACTIVE", "A");
        settings.put(mapping + "columns[1].values.HELD", "H");
        settings.put(mapping + "columns[1].values.RETIRED", "X");
        settings.put(mapping + "columns[2].column", "LAST_UPDATE");
        settings.put(mapping + "columns[2].field", "updatedAt");
        settings.put(mapping + "columns[2].type", "INSTANT");
        settings.put(mapping + "version-column", "LAST_UPDATE");
        return settings;
    }

    /** {@code kit compare data} as a team runs it: the accounts and their servers from the environment. */
    private static Run compareData(String... more) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SHOP_DB_NAME", "inv_legacy");
        environment.put("SHOP_DB_USER", "inv_app");
        environment.put("SHOP_DB_PASSWORD", "inv_app_pw");
        environment.put("SHOP_DB_URL", legacyUrl("inv_legacy", "REQUIRED"));
        environment.put("INVENTORY_DB_NAME", "inv_db");
        environment.put("INVENTORY_DB_USER", "inv_svc");
        environment.put("INVENTORY_DB_PASSWORD", "inv_svc_pw");
        environment.put("INVENTORY_DB_URL", servicesUrl("inv_db"));
        environment.put("CDC_BRIDGE_URL", bridge.url());
        environment.put("PROXY_ADMIN_TOKEN", TOKEN); // the operator token the repair's snapshot request carries
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = KitCli.commandLine(new KitContext(StackLayout.of(".", environment), environment));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        List<String> args = new ArrayList<>(List.of("compare", "data", "--context", "inventory",
                "--playbook", Path.of("src/test/resources/own-monolith/inventory-playbook.yml").toString()));
        args.addAll(List.of(more));
        int exitCode = commandLine.execute(args.toArray(String[]::new));
        return new Run(exitCode, out.toString(), err.toString());
    }

    private record Run(int exitCode, String output, String errors) {
    }

    private static String legacyUrl(String database, String sslMode) {
        return "jdbc:mysql://127.0.0.1:" + infra.databasePort() + "/" + database + "?connectionTimeZone=UTC&sslMode="
                + sslMode;
    }

    private static String servicesUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + servicesServer.port() + "/" + database + "?connectionTimeZone=UTC&sslMode=DISABLED";
    }

    private static String serviceUrl(String path) {
        return "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port") + path;
    }

    private static HttpResponse<String> http(String method, String url, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long count(String table) {
        return extracted.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private static BigDecimal quantity(String warehouse, String sku) {
        return extracted.queryForObject("SELECT quantity FROM STOCK WHERE warehouse = ? AND sku = ?", BigDecimal.class,
                warehouse, sku);
    }

    private static String resource(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/own-monolith", name));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }
}
