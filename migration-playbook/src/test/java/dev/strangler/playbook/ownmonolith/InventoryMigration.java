package dev.strangler.playbook.ownmonolith;

import dev.strangler.infra.InfraSettings;
import dev.strangler.infra.testing.SharedInfrastructure;
import java.io.IOException;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The own-monolith tests' inventory monolith and its migration by configuration alone: the legacy schema on the
 * shared MariaDB with its rows, the settings the packaged bridge and the extracted {@link InventoryService} run with
 * (both started and stopped here), and {@code kit} run in this JVM against them. A test names its migration, picks
 * the legacy tables it replicates and says where the service's database is; it adds what only it runs with.
 */
final class InventoryMigration implements AutoCloseable {

    static final List<String> WAREHOUSES = List.of("SEL", "PUS", "ICN");

    private static final Path RESOURCES = Path.of("src/test/resources/own-monolith");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final InventoryNames names;
    private final List<String> tables;
    private final String playbook;
    private final Path work;
    private final String token;
    private final int servicesPort;
    private final InfraSettings infra = SharedInfrastructure.settings();
    private final JdbcTemplate legacy;
    private final JdbcTemplate extracted;
    private BridgeProcess bridge;
    private ConfigurableApplicationContext service;

    /**
     * @param tables       the legacy tables the bridge captures and the service keeps, {@code TB_WAREHOUSE} first
     * @param playbook     the file in {@code own-monolith/} whose {@code inventory} context {@code kit compare data}
     *                     reconciles
     * @param work         the bridge's jar, log and state
     * @param token        the operator token of the service's admin API and the bridge's operations API
     * @param servicesPort the MariaDB server of the service's database
     */
    InventoryMigration(InventoryNames names, List<String> tables, String playbook, Path work, String token,
                       int servicesPort) {
        this.names = names;
        this.tables = tables;
        this.playbook = playbook;
        this.work = work;
        this.token = token;
        this.servicesPort = servicesPort;
        this.legacy = new JdbcTemplate(
                new DriverManagerDataSource(legacyUrl(), names.of("app"), names.password("app")));
        this.extracted = new JdbcTemplate(
                new DriverManagerDataSource(servicesUrl(), names.of("svc"), names.password("svc")));
    }

    /**
     * The legacy inventory under this migration's names, with its rows: three warehouses, {@code stockPerWarehouse}
     * stock rows in each ({@code SKU-001} up), three labels.
     */
    void createLegacy(int stockPerWarehouse) throws IOException {
        SharedInfrastructure.get().database()
                .runAsAdministrator(resource("legacy-inventory.sql").replace("inv_", names.prefix() + "_"));
        legacy.update("INSERT INTO TB_WAREHOUSE (WH_CD, WH_NM) VALUES ('SEL', 'Seoul Central'), ('PUS', 'Busan Port'),"
                + " ('ICN', 'Incheon')");
        for (String warehouse : WAREHOUSES) {
            for (int i = 1; i <= stockPerWarehouse; i++) {
                legacy.update("INSERT INTO TB_STOCK (WH_CD, SKU, QTY, STAT, ATTRS) VALUES (?, ?, ?, ?, ?)", warehouse,
                        String.format("SKU-%03d", i), new BigDecimal(i + ".125"), i % 7 == 0 ? "H" : "A",
                        i % 5 == 0 ? null : "{\"colour\": \"red\", \"dims\": [1.5, 2, 3], \"n\": " + i + "}");
            }
        }
        String label = "INSERT INTO TB_LABEL (WH_CD, SKU, LABEL_SEQ, IMG, PRINTED, MODIFIED) VALUES (?, ?, ?, ?, ?, ?)";
        legacy.update(label, "SEL", "SKU-001", 1, "label one".getBytes(StandardCharsets.UTF_8), null,
                "2026-11-30 09:00:00.001");
        legacy.update(label, "SEL", "SKU-001", 2, new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe}, "2026-11-30",
                "2026-11-30 09:00:00.002");
        legacy.update(label, "PUS", "SKU-002", 1, null, "2026-01-01", "2026-11-30 09:00:00.003");
    }

    /**
     * Everything the packaged bridge needs to know about this monolith, none of it the demo's: capture over TLS, the
     * reverse path writing the legacy tables as the monolith would, the outbox relay on the service's database.
     * Mutable, for the test's own settings.
     */
    Map<String, String> bridgeSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers());
        settings.put("spring.datasource.url", legacyUrl());
        settings.put("spring.datasource.username", names.of("app"));
        settings.put("spring.datasource.password", names.password("app"));
        settings.put("kit.cdc.connector", "MARIADB");
        settings.put("kit.cdc.source.host", "127.0.0.1");
        settings.put("kit.cdc.source.port", Integer.toString(infra.databasePort()));
        settings.put("kit.cdc.source.user", names.of("cdc"));
        settings.put("kit.cdc.source.password", names.password("cdc"));
        settings.put("kit.cdc.source.ssl.mode", "REQUIRED");
        settings.put("kit.cdc.source.server-id", Integer.toString(names.serverId()));
        settings.put("kit.cdc.source.topic-prefix", names.capture());
        for (int i = 0; i < tables.size(); i++) {
            settings.put("kit.cdc.tables[" + i + "].table", names.of("legacy") + "." + tables.get(i));
            settings.put("kit.cdc.tables[" + i + "].topic", names.topic(tables.get(i)));
        }
        settings.put("kit.cdc.kit-tables.signal", names.of("kit") + ".KIT_CDC_SIGNAL");
        settings.put("kit.cdc.kit-tables.echo-marker", names.of("kit") + ".KIT_CDC_ECHO_MARKER");
        settings.put("kit.cdc.kit-tables.watermark", names.of("kit") + ".KIT_CDC_WATERMARK");
        settings.put("kit.cdc.startup-wait", "30s");
        settings.put("kit.cdc.storage.kind", "FILE");
        settings.put("kit.cdc.storage.directory", work.resolve("bridge").resolve("state").toString());
        settings.put("kit.cdc.outbox.server-id", Integer.toString(names.serverId() + 1));
        settings.put("kit.cdc.outbox.topic-prefix", names.capture() + "-services");
        settings.put("kit.cdc.outbox.event-topic-prefix", names.prefix() + ".outbox.");
        settings.put("kit.cdc.outbox.tables[0]", names.of("db") + ".OUTBOX_EVENT");
        settings.put("kit.cdc.barrier.group-prefixes[0]", names.service() + ".");
        settings.put("kit.cdc.reverse.consumer-group", names.application() + "-reverse");
        String mapping = "kit.cdc.reverse.mappings[0].";
        settings.put(mapping + "aggregate-type", "Stock");
        settings.put(mapping + "table", names.of("legacy") + ".TB_STOCK");
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

    /** Starts the packaged bridge with these settings; {@code bridge().awaitUp()} waits for it. */
    void startBridge(Map<String, String> settings) throws IOException {
        bridge = BridgeProcess.start(work.resolve("bridge"), freePort(), token, settings);
    }

    /** Starts the service on the starter, its copy of the legacy tables configuration alone. */
    void startService() {
        service = new SpringApplicationBuilder(InventoryService.class).properties(serviceSettings()).run();
    }

    private Map<String, Object> serviceSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("spring.application.name", names.service());
        settings.put("server.port", "0");
        settings.put("server.address", "127.0.0.1");
        settings.put("spring.datasource.url", servicesUrl());
        settings.put("spring.datasource.username", names.of("svc"));
        settings.put("spring.datasource.password", names.password("svc"));
        settings.put("spring.datasource.hikari.connection-init-sql", "SET time_zone = '+00:00'");
        settings.put("spring.datasource.hikari.maximum-pool-size", "4");
        settings.put("spring.flyway.locations", "classpath:own-monolith/db");
        settings.put("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers());
        settings.put("spring.kafka.consumer.group-id", names.service());
        settings.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        settings.put("spring.mvc.problemdetails.enabled", "true");
        settings.put("kit.ownership.subject", "stock");
        settings.put("kit.ownership.default-mode", "LEGACY_OWNS");
        settings.put("kit.ownership.admin-token", token);
        ChangefeedTables.configure(settings, tables, names::topic);
        return settings;
    }

    /** {@code kit compare data} as a team runs it: the accounts and their servers from the environment. */
    KitRun compareData(String... more) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SHOP_DB_NAME", names.of("legacy"));
        environment.put("SHOP_DB_USER", names.of("app"));
        environment.put("SHOP_DB_PASSWORD", names.password("app"));
        environment.put("SHOP_DB_URL", legacyUrl());
        environment.put("INVENTORY_DB_NAME", names.of("db"));
        environment.put("INVENTORY_DB_USER", names.of("svc"));
        environment.put("INVENTORY_DB_PASSWORD", names.password("svc"));
        environment.put("INVENTORY_DB_URL", servicesUrl());
        environment.put("CDC_BRIDGE_URL", bridge.url());
        environment.put("PROXY_ADMIN_TOKEN", token); // the operator token the repair's snapshot request carries
        List<String> args = new ArrayList<>(List.of("compare", "data", "--context", "inventory",
                "--playbook", RESOURCES.resolve(playbook).toString()));
        args.addAll(List.of(more));
        return KitRun.of(environment, args.toArray(String[]::new));
    }

    /** {@code kit} in this JVM, the shared infrastructure in its environment. */
    KitRun kit(String... args) {
        return KitRun.of(Map.of(InfraSettings.DATABASE_PORT, Integer.toString(infra.databasePort()),
                InfraSettings.KAFKA_BOOTSTRAP, infra.kafkaBootstrapServers()), args);
    }

    /** A call to the service's HTTP API, with the operator token. */
    HttpResponse<String> callService(String method, String path, String json) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port") + path);
        return send(method, uri, json, true);
    }

    /** A JSON request, with the operator token where {@code withToken}; a null {@code json} sends no body. */
    HttpResponse<String> send(String method, URI uri, String json, boolean withToken)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (withToken) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    BridgeProcess bridge() {
        return bridge;
    }

    /** The monolith's account on its own schema, over TLS. */
    JdbcTemplate legacy() {
        return legacy;
    }

    /** The service's account on its database. */
    JdbcTemplate extracted() {
        return extracted;
    }

    long count(String table) {
        return extracted.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    BigDecimal quantity(String warehouse, String sku) {
        return extracted.queryForObject("SELECT quantity FROM STOCK WHERE warehouse = ? AND sku = ?", BigDecimal.class,
                warehouse, sku);
    }

    /** The legacy server's JDBC URL for a database, with the TLS mode an account needs. */
    String legacyUrl(String database, String sslMode) {
        return "jdbc:mysql://127.0.0.1:" + infra.databasePort() + "/" + database + "?connectionTimeZone=UTC&sslMode="
                + sslMode;
    }

    private String legacyUrl() {
        return legacyUrl(names.of("legacy"), "REQUIRED");
    }

    private String servicesUrl() {
        return "jdbc:mysql://127.0.0.1:" + servicesPort + "/" + names.of("db")
                + "?connectionTimeZone=UTC&sslMode=DISABLED";
    }

    /** Stops the bridge, then the service: each that was started, the second even if the first fails. */
    @Override
    public void close() {
        try (var second = service; var first = bridge) {
            // closed in reverse order of declaration
        }
    }

    static String resource(String name) throws IOException {
        return Files.readString(RESOURCES.resolve(name));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }
}
