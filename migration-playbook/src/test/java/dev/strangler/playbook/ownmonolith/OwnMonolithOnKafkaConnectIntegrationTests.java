package dev.strangler.playbook.ownmonolith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.infra.InfraSettings;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
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
    private static final List<String> WAREHOUSES = List.of("SEL", "PUS", "ICN");
    private static final int STOCK_PER_WAREHOUSE = 5;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The service's account and database, on the shared server beside the legacy schema. */
    private static final String SERVICE_DATABASE = """
            CREATE DATABASE kc_db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
            CREATE USER kc_svc@'%' IDENTIFIED BY 'kc_svc_pw';
            GRANT ALL PRIVILEGES ON kc_db.* TO kc_svc@'%';
            GRANT SELECT ON kc_db.* TO kc_cdc@'%';
            FLUSH PRIVILEGES;
            """;

    private static InfraSettings infra;
    private static ConnectWorker connect;
    private static BridgeProcess bridge;
    private static ConfigurableApplicationContext service;
    private static JdbcTemplate legacy;
    private static JdbcTemplate extracted;
    private static Run rendered;

    @BeforeAll
    static void start() throws Exception {
        FileSystemUtils.deleteRecursively(WORK);
        infra = SharedInfrastructure.settings();
        // The own-monolith test's legacy inventory, under names of its own on the shared server.
        String inventory = Files.readString(Path.of("src/test/resources/own-monolith/legacy-inventory.sql"));
        SharedInfrastructure.get().database().runAsAdministrator(inventory.replace("inv_", "kc_"));
        SharedInfrastructure.get().database().runAsAdministrator(SERVICE_DATABASE);
        legacy = new JdbcTemplate(new DriverManagerDataSource(legacyUrl(), "kc_app", "kc_app_pw"));
        extracted = new JdbcTemplate(new DriverManagerDataSource(jdbcUrl("kc_db", "DISABLED"), "kc_svc", "kc_svc_pw"));
        seedLegacy();
        // The connector's password, where the worker's FileConfigProvider finds it: never in its configuration.
        Files.createDirectories(SECRETS.getParent());
        Files.writeString(SECRETS, "CDC_DB_PASSWORD=kc_cdc_pw\n");

        bridge = BridgeProcess.start(WORK.resolve("bridge"), freePort(), TOKEN, bridgeSettings());
        connect = ConnectWorker.start(infra.kafkaBootstrapServers(), "kc-connect", freePort(), SECRETS.getParent());
        List<String> args = new ArrayList<>(List.of("cdc", "connector-config", "--secrets-file=" + SECRETS));
        bridgeSettings().forEach((name, value) -> args.add(name + "=" + value));
        rendered = kit(args.toArray(String[]::new));
        HttpResponse<String> created = send("POST", connect.url().resolve("/connectors"), rendered.output(), false);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
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
                if (connect != null) {
                    connect.close();
                }
            }
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
            JsonNode status = JSON.readTree(send("GET", connect.url().resolve("/connectors/" + CONNECTOR + "/status"),
                    null, false).body());
            assertThat(status.path("connector").path("state").asString()).isEqualTo("RUNNING");
            assertThat(status.path("tasks").path(0).path("state").asString()).as(status.toString())
                    .isEqualTo("RUNNING");
        });
    }

    @Test
    @Order(2)
    void theServiceConsumesTheConnectorsTopicsAsItConsumedTheBridgesAndCompareDataFindsNothing() throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(count("WAREHOUSE")).isEqualTo(WAREHOUSES.size());
            assertThat(count("STOCK")).isEqualTo(WAREHOUSES.size() * STOCK_PER_WAREHOUSE);
        });
        legacy.update("UPDATE TB_STOCK SET QTY = 99.5, STAT = 'H' WHERE WH_CD = 'SEL' AND SKU = 'SKU-003'");
        legacy.update("INSERT INTO TB_STOCK (WH_CD, SKU, QTY, STAT, ATTRS) VALUES ('ICN', 'NEW-1', 1, 'X', NULL)");
        legacy.update("DELETE FROM TB_STOCK WHERE WH_CD = 'PUS' AND SKU = 'SKU-005'");
        legacy.update("UPDATE TB_WAREHOUSE SET WH_NM = 'Incheon Air' WHERE WH_CD = 'ICN'");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(quantity("SEL", "SKU-003")).isEqualByComparingTo("99.5");
            assertThat(extracted.queryForObject("SELECT status FROM STOCK WHERE warehouse = 'ICN' AND sku = 'NEW-1'",
                    String.class)).isEqualTo("RETIRED");
            assertThat(count("STOCK WHERE warehouse = 'PUS' AND sku = 'SKU-005'")).isZero();
            assertThat(extracted.queryForObject("SELECT search_name FROM WAREHOUSE WHERE code = 'ICN'", String.class))
                    .isEqualTo("INCHEON AIR");
        });
        Run compared = compareData();
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
        HttpResponse<String> barrier = send("POST", URI.create(bridge.url() + "/cdc/barriers?wait=20s"), "", true);
        assertThat(barrier.statusCode()).as(barrier.body()).isEqualTo(200);
        assertThat(JSON.readTree(barrier.body()).path("complete").asBoolean()).isTrue();
        assertThat(JSON.readTree(barrier.body()).path("groups").toString()).contains("kc-inventory-service.");

        HttpResponse<String> pause = send("POST", URI.create(bridge.url() + "/cdc/pause"), "", true);
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
        Run found = compareData();
        assertThat(found.exitCode()).as(found.output()).isEqualTo(1);

        Run repaired = compareData("--repair");
        assertThat(repaired.exitCode()).as(repaired.output() + repaired.errors()).isZero();
        assertThat(repaired.output()).contains("asked the CDC bridge to re-send 1 row(s) from kc_legacy.TB_STOCK",
                "inventory: legacy and extracted agree");
        assertThat(quantity("PUS", "SKU-002")).isEqualByComparingTo("2.125");
    }

    @Test
    @Order(5)
    void afterTheWriteCutOverTheBridgesReversePathWritesTheLegacyTables() throws Exception {
        assertThat(send("PUT", URI.create(serviceUrl("/admin/ownership")),
                "{\"mode\": \"SERVICE_OWNS\", \"reason\": \"stock write cut-over\"}", true).body())
                .contains("SERVICE_OWNS");
        assertThat(bridge.put("/cdc/reverse", "{\"enabled\": true, \"reason\": \"stock write cut-over\"}"))
                .contains("\"enabled\":true");

        HttpResponse<String> written = send("PUT", URI.create(serviceUrl("/stock/ICN/SKU-004")),
                "{\"quantity\": 5.5, \"status\": \"HELD\"}", true);
        assertThat(written.statusCode()).as(written.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(legacy.queryForMap(
                "SELECT QTY, STAT FROM TB_STOCK WHERE WH_CD = 'ICN' AND SKU = 'SKU-004'"))
                .satisfies(row -> assertThat((BigDecimal) row.get("QTY")).isEqualByComparingTo("5.5"))
                .containsEntry("STAT", "H"));
        // The reverse path's write comes back through the connector; the service keeps its own version of the row.
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
                legacy.update("INSERT INTO TB_STOCK (WH_CD, SKU, QTY, STAT, ATTRS) VALUES (?, ?, ?, 'A', ?)", warehouse,
                        String.format("SKU-%03d", i), new BigDecimal(i + ".125"), "{\"n\": " + i + "}");
            }
        }
    }

    /**
     * The bridge's settings: what the bridge runs with and what {@code kit cdc connector-config} renders from.
     * The captured tables, topics and kit tables are the connector's; the rest is the bridge's own.
     */
    private static Map<String, String> bridgeSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers());
        settings.put("spring.datasource.url", legacyUrl());
        settings.put("spring.datasource.username", "kc_app");
        settings.put("spring.datasource.password", "kc_app_pw");
        settings.put("kit.cdc.connector", "MARIADB");
        settings.put("kit.cdc.source.host", "127.0.0.1");
        settings.put("kit.cdc.source.port", Integer.toString(infra.databasePort()));
        settings.put("kit.cdc.source.user", "kc_cdc");
        settings.put("kit.cdc.source.password", "kc_cdc_pw");
        settings.put("kit.cdc.source.ssl.mode", "REQUIRED");
        settings.put("kit.cdc.source.server-id", "6501");
        settings.put("kit.cdc.source.topic-prefix", "kcinv");
        settings.put("kit.cdc.tables[0].table", "kc_legacy.TB_WAREHOUSE");
        settings.put("kit.cdc.tables[0].topic", "kc.legacy.warehouse");
        settings.put("kit.cdc.tables[1].table", "kc_legacy.TB_STOCK");
        settings.put("kit.cdc.tables[1].topic", "kc.legacy.stock");
        settings.put("kit.cdc.kit-tables.signal", "kc_kit.KIT_CDC_SIGNAL");
        settings.put("kit.cdc.kit-tables.echo-marker", "kc_kit.KIT_CDC_ECHO_MARKER");
        settings.put("kit.cdc.kit-tables.watermark", "kc_kit.KIT_CDC_WATERMARK");
        // The forward path is the connector's; the bridge keeps the outbox relay, the reverse path and barriers.
        settings.put("kit.cdc.forward.engine", "KAFKA_CONNECT");
        // One broker: the watermark topic the bridge creates gets one replica.
        settings.put("kit.cdc.storage.replication-factor", "1");
        settings.put("kit.cdc.storage.kind", "FILE");
        settings.put("kit.cdc.storage.directory", WORK.resolve("bridge").resolve("state").toString());
        settings.put("kit.cdc.startup-wait", "30s");
        settings.put("kit.cdc.outbox.server-id", "6502");
        settings.put("kit.cdc.outbox.topic-prefix", "kcinv-services");
        settings.put("kit.cdc.outbox.event-topic-prefix", "kc.outbox.");
        settings.put("kit.cdc.outbox.tables[0]", "kc_db.OUTBOX_EVENT");
        settings.put("kit.cdc.barrier.group-prefixes[0]", "kc-inventory-service.");
        settings.put("kit.cdc.reverse.consumer-group", "kc-inventory-reverse");
        String mapping = "kit.cdc.reverse.mappings[0].";
        settings.put(mapping + "aggregate-type", "Stock");
        settings.put(mapping + "table", "kc_legacy.TB_STOCK");
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

    /** The service as in the own-monolith test, on the warehouse and stock topics, unaware of where they come from. */
    private static Map<String, Object> serviceSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("spring.application.name", "kc-inventory-service");
        settings.put("server.port", "0");
        settings.put("server.address", "127.0.0.1");
        settings.put("spring.datasource.url", jdbcUrl("kc_db", "DISABLED"));
        settings.put("spring.datasource.username", "kc_svc");
        settings.put("spring.datasource.password", "kc_svc_pw");
        settings.put("spring.datasource.hikari.connection-init-sql", "SET time_zone = '+00:00'");
        settings.put("spring.datasource.hikari.maximum-pool-size", "4");
        settings.put("spring.flyway.locations", "classpath:own-monolith/db");
        settings.put("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers());
        settings.put("spring.kafka.consumer.group-id", "kc-inventory-service");
        settings.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        settings.put("spring.mvc.problemdetails.enabled", "true");
        settings.put("kit.ownership.subject", "stock");
        settings.put("kit.ownership.default-mode", "LEGACY_OWNS");
        settings.put("kit.ownership.admin-token", TOKEN);
        String warehouse = "kit.service.changefeed.tables[0].";
        settings.put(warehouse + "name", "TB_WAREHOUSE");
        settings.put(warehouse + "topic", "kc.legacy.warehouse");
        settings.put(warehouse + "target", "WAREHOUSE");
        settings.put(warehouse + "version", "LAST_UPDATE");
        settings.put(warehouse + "key[0].legacy", "WH_CD");
        settings.put(warehouse + "key[0].column", "code");
        column(settings, warehouse, 0, "WH_NM", "name", null);
        column(settings, warehouse, 1, "WH_NM_SRCH", "search_name", null);
        column(settings, warehouse, 2, "LAST_UPDATE", "updated_at", "INSTANT");
        String stock = "kit.service.changefeed.tables[1].";
        settings.put(stock + "name", "TB_STOCK");
        settings.put(stock + "topic", "kc.legacy.stock");
        settings.put(stock + "target", "STOCK");
        settings.put(stock + "version", "LAST_UPDATE");
        settings.put(stock + "key[0].legacy", "WH_CD");
        settings.put(stock + "key[0].column", "warehouse");
        settings.put(stock + "key[1].legacy", "SKU");
        settings.put(stock + "key[1].column", "sku");
        column(settings, stock, 0, "QTY", "quantity", "NUMBER");
        column(settings, stock, 1, "STAT", "status", null);
        settings.put(stock + "columns[1].values.A", "ACTIVE");
        settings.put(stock + "columns[1].values.H", "HELD");
        settings.put(stock + "columns[1].values.X", "RETIRED");
        column(settings, stock, 2, "ATTRS", "attributes", "JSON");
        column(settings, stock, 3, "LAST_UPDATE", "updated_at", "INSTANT");
        return settings;
    }

    private static void column(Map<String, Object> settings, String table, int index, String legacyColumn,
                               String column, String type) {
        settings.put(table + "columns[" + index + "].legacy", legacyColumn);
        settings.put(table + "columns[" + index + "].column", column);
        if (type != null) {
            settings.put(table + "columns[" + index + "].type", type);
        }
    }

    private static Run compareData(String... more) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SHOP_DB_NAME", "kc_legacy");
        environment.put("SHOP_DB_USER", "kc_app");
        environment.put("SHOP_DB_PASSWORD", "kc_app_pw");
        environment.put("SHOP_DB_URL", legacyUrl());
        environment.put("INVENTORY_DB_NAME", "kc_db");
        environment.put("INVENTORY_DB_USER", "kc_svc");
        environment.put("INVENTORY_DB_PASSWORD", "kc_svc_pw");
        environment.put("INVENTORY_DB_URL", jdbcUrl("kc_db", "DISABLED"));
        environment.put("CDC_BRIDGE_URL", bridge.url());
        environment.put("PROXY_ADMIN_TOKEN", TOKEN);
        List<String> args = new ArrayList<>(List.of("compare", "data", "--context", "inventory", "--playbook",
                Path.of("src/test/resources/own-monolith/connect-playbook.yml").toString()));
        args.addAll(List.of(more));
        return kit(environment, args.toArray(String[]::new));
    }

    /** {@code kit} in this JVM, with the kit home at the repository root (where cdc-bridge/target/ is). */
    private static Run kit(String... args) {
        return kit(Map.of(InfraSettings.DATABASE_PORT, Integer.toString(infra.databasePort()),
                InfraSettings.KAFKA_BOOTSTRAP, infra.kafkaBootstrapServers()), args);
    }

    private static Run kit(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = KitCli.commandLine(new KitContext(StackLayout.of("..", environment), environment));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private record Run(int exitCode, String output, String errors) {
    }

    private static HttpResponse<String> send(String method, URI uri, String json, boolean withToken)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (withToken) {
            request.header("Authorization", "Bearer " + TOKEN);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String legacyUrl() {
        return jdbcUrl("kc_legacy", "REQUIRED");
    }

    private static String jdbcUrl(String database, String sslMode) {
        return "jdbc:mysql://127.0.0.1:" + infra.databasePort() + "/" + database + "?connectionTimeZone=UTC&sslMode="
                + sslMode;
    }

    private static String serviceUrl(String path) {
        return "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port") + path;
    }

    private static long count(String table) {
        return extracted.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private static BigDecimal quantity(String warehouse, String sku) {
        return extracted.queryForObject("SELECT quantity FROM STOCK WHERE warehouse = ? AND sku = ?", BigDecimal.class,
                warehouse, sku);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }
}
