package dev.strangler.playbook.init;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.infra.DatabaseAccount;
import dev.strangler.infra.InfraSettings;
import dev.strangler.infra.testing.SharedInfrastructure;
import dev.strangler.playbook.KitCli;
import dev.strangler.playbook.KitContext;
import dev.strangler.playbook.compare.ContextCatalog;
import dev.strangler.playbook.compare.ContextDefinition;
import dev.strangler.playbook.compare.DataReconciliation;
import dev.strangler.playbook.compare.ReconciliationProgress;
import dev.strangler.playbook.compare.TableReconciliation;
import dev.strangler.playbook.compare.ValueType;
import dev.strangler.playbook.plan.Playbook;
import dev.strangler.playbook.plan.PlaybookLoader;
import dev.strangler.playbook.plan.Step;
import dev.strangler.playbook.stack.StackLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kit init} against a live schema unlike the demo's (a composite key out of column order, a TIMESTAMP version
 * column set on update, DECIMAL, ENUM, JSON, a BLOB, a flag, a generated column, camelCase names, a table without a
 * version column and one without a primary key): the files it writes load and describe a copy that reconciliation
 * finds identical once the rows are copied; bad input is refused with nothing written.
 */
class InitCommandIntegrationTests {

    private static final InfraSettings infra = SharedInfrastructure.settings();
    private static final DatabaseAccount legacy = infra.legacy();
    private static final String SCHEMA = "init_shop";
    private static final String COPY = "init_shop_copy";

    @TempDir
    Path directory;

    @BeforeAll
    static void legacySchema() throws SQLException {
        String account = "'" + legacy.user() + "'@'%'";
        SharedInfrastructure.get().database().runAsAdministrator("CREATE DATABASE IF NOT EXISTS " + SCHEMA + ";"
                + " CREATE DATABASE IF NOT EXISTS " + COPY + ";"
                + " GRANT ALL PRIVILEGES ON " + SCHEMA + ".* TO " + account + ";"
                + " GRANT ALL PRIVILEGES ON " + COPY + ".* TO " + account + ";");
        execute(SCHEMA, "DROP TABLE IF EXISTS TB_STOCK", "DROP TABLE IF EXISTS labelPrint", "DROP TABLE IF EXISTS TB_AUDIT",
                "CREATE TABLE TB_STOCK (WH_CD CHAR(3) NOT NULL, SKU VARCHAR(20) COLLATE utf8mb4_bin NOT NULL,"
                        + " QTY DECIMAL(12,3) NOT NULL, UNIT_PRC DECIMAL(10,2) NOT NULL DEFAULT 0,"
                        + " STAT ENUM('A','H') NOT NULL DEFAULT 'A', ATTRS JSON NULL, IMG BLOB NULL,"
                        + " IN_STOCK TINYINT(1) NOT NULL DEFAULT 1,"
                        + " STOCK_VALUE DECIMAL(22,5) AS (QTY * UNIT_PRC) STORED,"
                        + " LAST_UPDATE TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),"
                        + " PRIMARY KEY (SKU, WH_CD))",
                "CREATE TABLE labelPrint (labelId BIGINT NOT NULL PRIMARY KEY, printedOn DATE, createdAt DATETIME)",
                "CREATE TABLE TB_AUDIT (MSG VARCHAR(100))",
                "INSERT INTO TB_STOCK (WH_CD, SKU, QTY, UNIT_PRC, STAT, ATTRS, IMG, IN_STOCK) VALUES"
                        + " ('SEL', 'a-1', 12.500, 3.10, 'A', '{\"color\": \"red\", \"size\": 1.50}', X'0001FF', 1),"
                        + " ('SEL', 'A-1', 0, 0, 'H', NULL, NULL, 0), ('PUS', 'É', 7.250, 1, 'A', '[]', X'', 1)",
                "INSERT INTO labelPrint VALUES (42, '2026-11-30', '2026-11-30 07:00:00'), (43, NULL, NULL)");
    }

    @Test
    void writesStarterFilesThatLoadAndDescribeACopyReconciliationFindsIdentical() throws Exception {
        Path out = directory.resolve("starter");

        Run run = kit("--tables", "TB_STOCK,labelPrint", "--route", "/api/stock", "--route", "labels=/api/labels",
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Read 2 table(s) of init_shop: TB_STOCK, labelPrint",
                "labelPrint: no version column found");
        assertThat(out).isDirectoryContaining("glob:**/playbook.yml").isDirectoryContaining("glob:**/NEXT-STEPS.md");
        try (var files = Files.list(out)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder("playbook.yml",
                    "cdc-bridge-tables.yml", "service-changefeed.yml", "V1__shop_schema.sql", "proxy-routes.yml",
                    "NEXT-STEPS.md");
        }

        Playbook playbook = PlaybookLoader.load(out.resolve("playbook.yml"), Map.of());
        assertThat(playbook.steps()).extracting(Step::id).containsExactly("shop-backfilled", "stock-shadow",
                "stock-canary-10", "labels-shadow", "labels-canary-10");
        assertThat(playbook.hasService("shop")).isTrue();
        String playbookText = Files.readString(out.resolve("playbook.yml"));
        assertThat(playbookText).contains("# - id: stock-write-cutover", "route: labels-write",
                "# generated (", "): computed by each database, not written by replication");
        assertCutoverLoadsUncommented(out, playbookText);

        ContextDefinition shop = ContextCatalog.load(out.resolve("playbook.yml")).context("shop");
        ContextDefinition.TablePair stock = shop.tables().get(0);
        assertThat(stock.legacy()).isEqualTo(new ContextDefinition.TableRef("legacy", "TB_STOCK", List.of("SKU", "WH_CD")));
        assertThat(stock.extracted()).isEqualTo(new ContextDefinition.TableRef("shop", "tb_stock", List.of("sku", "wh_cd")));
        assertThat(stock.columns()).extracting(c -> c.legacy() + ">" + c.extracted() + ":" + c.type()).containsExactly(
                "QTY>qty:NUMBER", "UNIT_PRC>unit_prc:NUMBER", "STAT>stat:TEXT", "ATTRS>attrs:JSON", "IMG>img:BYTES",
                "IN_STOCK>in_stock:BOOLEAN", "STOCK_VALUE>stock_value:NUMBER", "LAST_UPDATE>last_update:INSTANT");
        assertThat(shop.tables().get(1).extracted().table()).isEqualTo("label_print");
        assertThat(shop.tables().get(1).columns()).extracting(ContextDefinition.ColumnPair::extracted)
                .containsExactly("printed_on", "created_at");

        assertThat(Files.readString(out.resolve("cdc-bridge-tables.yml"))).contains(
                "- table: ${LEGACY_DB_NAME:init_shop}.TB_STOCK\n        topic: init-shop.tb-stock",
                "- table: ${LEGACY_DB_NAME:init_shop}.labelPrint\n        topic: init-shop.label-print");
        String changefeed = Files.readString(out.resolve("service-changefeed.yml"));
        assertThat(changefeed).contains("target: tb_stock", "version: LAST_UPDATE",
                "- { legacy: SKU, column: sku, type: TEXT }\n            - { legacy: WH_CD, column: wh_cd, type: TEXT }",
                "{ legacy: IMG, column: img, type: BYTES }", "{ legacy: IN_STOCK, column: in_stock, type: NUMBER }",
                "{ legacy: LAST_UPDATE, column: last_update, type: INSTANT }", "{ legacy: printedOn, column: printed_on, type: DATE }",
                "# STOCK_VALUE is generated", "# No version column found")
                .doesNotContain("legacy: STOCK_VALUE");
        assertThat(Files.readString(out.resolve("proxy-routes.yml"))).contains("- name: stock-read",
                "- name: stock-write", "paths: [/api/labels, /api/labels/**]", "methods: [POST, PUT, PATCH, DELETE]",
                "extracted-uri: ${SHOP_SERVICE_URL:http://127.0.0.1:8085}", "mode: LEGACY", "- name: legacy-passthrough");
        assertThat(Files.readString(out.resolve("NEXT-STEPS.md"))).contains(
                "kit playbook validate --playbook " + out + "/playbook.yml", "LEGACY_DB_NAME=init_shop", "SHOP_DB_NAME");

        copyThroughTheGeneratedSchema(Files.readString(out.resolve("V1__shop_schema.sql")));
        InfraSettings accounts = InfraSettings.fromEnvironment(Map.of("LEGACY_DB_NAME", SCHEMA))
                .withPorts(infra.databasePort(), infra.kafkaPort(), infra.kafkaControllerPort());
        List<TableReconciliation> results = new DataReconciliation(accounts, Map.of("SHOP_DB_NAME", COPY,
                "SHOP_DB_USER", legacy.user(), "SHOP_DB_PASSWORD", legacy.password()), 5)
                .reconcile(shop, ReconciliationProgress.NONE);
        assertThat(results).extracting(TableReconciliation::legacyRows).containsExactly(3L, 2L);
        assertThat(results).allSatisfy(result -> assertThat(result.differences()).as(result.toString()).isZero());
    }

    @Test
    void anUnknownTableIsRefusedWithTheTablesThereAre() {
        Path out = directory.resolve("starter");

        Run run = kit("--tables", "TB_STOCK,TB_NOPE", "--route", "/api/stock", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no table TB_NOPE in schema init_shop (it has labelPrint, TB_AUDIT, TB_STOCK)");
        assertThat(out).doesNotExist();
    }

    @Test
    void aTableWithoutPrimaryKeyIsRefusedSayingWhyReplicationNeedsOne() {
        Path out = directory.resolve("starter");

        Run run = kit("--route", "/api/stock", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("table init_shop.TB_AUDIT has no primary key: replication upserts and deletes"
                + " each row by its key");
        assertThat(out).doesNotExist();
    }

    @Test
    void existingFilesAreKeptUnlessForced() throws IOException {
        Path out = Files.createDirectories(directory.resolve("starter"));
        Files.writeString(out.resolve("playbook.yml"), "hand-edited\n");

        Run refused = kit("--tables", "labelPrint", "--route", "/api/labels", "--out", out.toString());

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("already has playbook.yml; nothing was written (--force replaces them)");
        assertThat(Files.readString(out.resolve("playbook.yml"))).isEqualTo("hand-edited\n");
        try (var files = Files.list(out)) {
            assertThat(files).hasSize(1);
        }

        Run forced = kit("--tables", "labelPrint", "--route", "/api/labels", "--out", out.toString(), "--force");

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(Files.readString(out.resolve("playbook.yml"))).contains("name: shop-migration");
    }

    @Test
    void anUnreachableDatabaseOrUnknownSchemaIsOneLineNamingTheUrl() {
        Path out = directory.resolve("starter");

        Run unreachable = kit(List.of("--jdbc-url", "jdbc:mysql://127.0.0.1:1/init_shop?password=secret"),
                "--route", "/api/stock", "--out", out.toString());
        Run noDriver = kit(List.of("--jdbc-url", "jdbc:oracle:thin:@db:1521/shop"), "--route", "/api/stock",
                "--out", out.toString());
        Run noSchema = kit(List.of("--schema", "init_nope"), "--route", "/api/stock", "--out", out.toString());

        assertThat(unreachable.exitCode()).isEqualTo(2);
        assertThat(unreachable.err()).contains("cannot connect to jdbc:mysql://127.0.0.1:1/init_shop as "
                + legacy.user() + ": Communications link failure").doesNotContain("secret").doesNotContain("\tat ");
        assertThat(noDriver.err()).contains("cannot connect to jdbc:oracle:thin:@db:1521/shop", "No suitable driver");
        assertThat(noSchema.err()).contains("schema init_nope does not exist at " + jdbcUrl(SCHEMA).split("\\?")[0]);
        assertThat(out).doesNotExist();
    }

    /** The commented cut-over, uncommented, loads too: the skeleton is a real step once the team enables it. */
    private static void assertCutoverLoadsUncommented(Path out, String playbookText) throws IOException {
        Path uncommented = out.resolveSibling("uncommented.yml");
        Files.writeString(uncommented, playbookText.replaceAll("(?m)^  # (- id|  )", "  $1"));
        assertThat(PlaybookLoader.load(uncommented, Map.of()).steps()).extracting(Step::id)
                .contains("stock-write-cutover", "labels-write-cutover");
    }

    private static void copyThroughTheGeneratedSchema(String migration) throws SQLException {
        List<String> statements = new ArrayList<>(List.of("DROP TABLE IF EXISTS tb_stock", "DROP TABLE IF EXISTS label_print"));
        statements.addAll(List.of(migration.replaceAll("(?m)^--.*$", "").split(";")).stream().map(String::trim)
                .filter(sql -> !sql.isEmpty()).toList());
        statements.add("INSERT INTO tb_stock (wh_cd, sku, qty, unit_prc, stat, attrs, img, in_stock, last_update)"
                + " SELECT WH_CD, SKU, QTY, UNIT_PRC, STAT, ATTRS, IMG, IN_STOCK, LAST_UPDATE FROM " + SCHEMA + ".TB_STOCK");
        statements.add("INSERT INTO label_print SELECT * FROM " + SCHEMA + ".labelPrint");
        execute(COPY, statements.toArray(String[]::new));
    }

    private Run kit(String... args) {
        return kit(List.of(), args);
    }

    /** Runs 'kit init' in-process with the test's connection options, {@code overrides} replacing any of them. */
    private Run kit(List<String> overrides, String... args) {
        List<String> command = new ArrayList<>(List.of("init", "--jdbc-url", jdbcUrl(SCHEMA), "--user", legacy.user(),
                "--password-env", "INIT_TEST_PASSWORD", "--schema", SCHEMA, "--service", "shop"));
        for (int i = 0; i < overrides.size(); i += 2) {
            command.set(command.indexOf(overrides.get(i)) + 1, overrides.get(i + 1));
        }
        command.addAll(List.of(args));
        Map<String, String> environment = Map.of("INIT_TEST_PASSWORD", legacy.password());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = KitCli.commandLine(new KitContext(StackLayout.of(directory.toString(), environment), environment));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(command.toArray(String[]::new));
        return new Run(exitCode, out.toString(), err.toString());
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static String jdbcUrl(String database) {
        return infra.jdbcUrl(database);
    }

    private static void execute(String database, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(database), legacy.user(), legacy.password());
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
