package dev.strangler.playbook.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.infra.DatabaseAccount;
import dev.strangler.infra.InfraSettings;
import dev.strangler.infra.testing.SharedInfrastructure;
import dev.strangler.playbook.compare.ContextDefinition.ColumnPair;
import dev.strangler.playbook.compare.ContextDefinition.TablePair;
import dev.strangler.playbook.compare.ContextDefinition.TableRef;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reconciliation on the real database: legacy codes and types against the extracted model's. */
class DataReconciliationIntegrationTests {

    private static final InfraSettings infra = SharedInfrastructure.settings();

    private static final ContextDefinition CONTEXT = new ContextDefinition("probe", List.of(new TablePair(
            new TableRef("legacy", "CMP_MEMBER", List.of("MBR_NO")),
            new TableRef("member", "CMP_MEMBER_EXTRACTED", List.of("id")),
            List.of(new ColumnPair("MBR_NM", "name", null, null),
                    new ColumnPair("GRADE_CD", "grade", Map.of("B", "BRONZE", "G", "GOLD"), null),
                    new ColumnPair("PNT_AMT", "points", null, ValueType.NUMBER),
                    new ColumnPair("UPD_DT", "updated_at", null, ValueType.INSTANT),
                    new ColumnPair("DEL_YN", "deleted", null, ValueType.BOOLEAN)))));

    @BeforeAll
    static void tables() throws SQLException {
        execute(infra.legacy(), "DROP TABLE IF EXISTS CMP_MEMBER",
                "CREATE TABLE CMP_MEMBER (MBR_NO BIGINT PRIMARY KEY, MBR_NM VARCHAR(50), GRADE_CD CHAR(1),"
                        + " PNT_AMT DECIMAL(10,2), UPD_DT DATETIME(3), DEL_YN CHAR(1))",
                "INSERT INTO CMP_MEMBER VALUES (1, '김민준', 'G', 10.50, '2026-11-24 10:00:00.123', 'N'),"
                        + " (2, 'Only Legacy', 'B', 0, '2026-11-24 10:00:00', 'N'),"
                        + " (3, 'Grade Differs', 'B', 1, '2026-11-24 10:00:00', 'Y'),"
                        + " (10, 'Same Again', 'B', 2.00, '2026-11-24 10:00:00.5', 'Y')");
        execute(infra.memberMigration(), "DROP TABLE IF EXISTS CMP_MEMBER_EXTRACTED",
                "CREATE TABLE CMP_MEMBER_EXTRACTED (id BIGINT PRIMARY KEY, name VARCHAR(50), grade VARCHAR(10),"
                        + " points DECIMAL(12,4), updated_at DATETIME(3), deleted BOOLEAN)",
                "INSERT INTO CMP_MEMBER_EXTRACTED VALUES (1, '김민준', 'GOLD', 10.5, '2026-11-24 10:00:00.123', FALSE),"
                        + " (3, 'Grade Differs', 'GOLD', 1, '2026-11-24 10:00:00', TRUE),"
                        + " (4, 'Only Extracted', 'BRONZE', 0, '2026-11-24 10:00:00', FALSE),"
                        + " (10, 'Same Again', 'BRONZE', 2, '2026-11-24 10:00:00.500', TRUE)");
    }

    @Test
    void findsMissingExtraAndDifferingRowsThroughTheTranslation() {
        List<TableReconciliation> results = new DataReconciliation(infra, Map.of(), 20).reconcile(CONTEXT, ReconciliationProgress.NONE);

        TableReconciliation members = results.get(0);
        assertThat(members.legacyRows()).isEqualTo(4);
        assertThat(members.extractedRows()).isEqualTo(4);
        assertThat(members.missing().first()).extracting(Object::toString).containsExactly("2");
        assertThat(members.extra().first()).extracting(Object::toString).containsExactly("4");
        assertThat(members.differing().count()).isEqualTo(1);
        assertThat(members.differing().first().get(0).key()).extracting(Object::toString).containsExactly("3");
        assertThat(members.differing().first().get(0).columns()).singleElement().asString()
                .contains("GRADE_CD=BRONZE vs grade=GOLD");
        assertThat(members.differences()).isEqualTo(3);
    }

    @Test
    void compositeTextKeysMatchWhateverCollationEachTableSortsThemIn() throws SQLException {
        // utf8mb4_unicode_ci sorts 'a' before 'B'; binary order (and a table made with utf8mb4_bin) the other way.
        execute(infra.legacy(), "DROP TABLE IF EXISTS CMP_STOCK",
                "CREATE TABLE CMP_STOCK (WH CHAR(3), SKU VARCHAR(10) COLLATE utf8mb4_unicode_ci, QTY INT,"
                        + " PRIMARY KEY (WH, SKU))",
                "INSERT INTO CMP_STOCK VALUES ('SEL', 'a', 1), ('SEL', 'B', 2), ('SEL', 'c', 3), ('SEL', 'É', 4),"
                        + " ('PUS', 'z', 5)");
        execute(infra.memberMigration(), "DROP TABLE IF EXISTS CMP_STOCK_EXTRACTED",
                "CREATE TABLE CMP_STOCK_EXTRACTED (warehouse CHAR(3), sku VARCHAR(10) COLLATE utf8mb4_bin,"
                        + " quantity INT, PRIMARY KEY (warehouse, sku))",
                "INSERT INTO CMP_STOCK_EXTRACTED VALUES ('SEL', 'a', 1), ('SEL', 'B', 2), ('SEL', 'c', 3),"
                        + " ('SEL', 'É', 4), ('PUS', 'z', 6)");
        ContextDefinition stock = new ContextDefinition("stock", List.of(new TablePair(
                new TableRef("legacy", "CMP_STOCK", List.of("WH", "SKU")),
                new TableRef("member", "CMP_STOCK_EXTRACTED", List.of("warehouse", "sku")),
                List.of(new ColumnPair("QTY", "quantity", null, ValueType.NUMBER)))));

        TableReconciliation result = new DataReconciliation(infra, Map.of(), 20)
                .reconcile(stock, ReconciliationProgress.NONE).get(0);

        assertThat(result.missing().count()).as("no key is missing for want of a shared order").isZero();
        assertThat(result.extra().count()).isZero();
        assertThat(result.differing().first()).singleElement()
                .satisfies(row -> assertThat(row.key()).extracting(Object::toString).containsExactly("PUS", "z"));
    }

    @Test
    void capsTheListedKeysButCountsThemAll() {
        TableReconciliation members = new DataReconciliation(infra, Map.of(), 0).reconcile(CONTEXT, ReconciliationProgress.NONE).get(0);

        assertThat(members.missing().count()).isEqualTo(1);
        assertThat(members.missing().first()).isEmpty();
    }

    @Test
    void reportsProgressUpToTheLargerTableCount() {
        List<String> reports = new java.util.ArrayList<>();
        new DataReconciliation(infra, Map.of(), 20).reconcile(CONTEXT, (table, done, total) -> reports.add(table + " " + done + "/" + total));

        assertThat(reports).last().isEqualTo(CONTEXT.tables().get(0).legacy().table() + " 4/4");
    }

    private static void execute(DatabaseAccount account, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(infra.jdbcUrl(account.database()), account.user(),
                account.password()); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
