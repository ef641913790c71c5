package dev.strangler.playbook.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.infra.DatabaseAccount;
import dev.strangler.infra.InfraSettings;
import dev.strangler.infra.testing.SharedInfrastructure;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seeder against the real embedded MariaDB and the monolith's own schema. */
class LegacySeederIntegrationTests {

    private final InfraSettings settings = SharedInfrastructure.settings();
    private final StringWriter output = new StringWriter();
    private final LegacySeeder seeder = new LegacySeeder(new PrintWriter(output));

    @BeforeEach
    void schema() throws Exception {
        try (Connection connection = connect(settings.legacy())) {
            LegacySchema.createIfMissing(connection);
        }
    }

    @Test
    void writesConsistentOrdersForTheMembersAndProductsOfTheRun() throws SQLException {
        try (Connection connection = connect(settings.legacy())) {
            long members = count(connection, "SELECT COUNT(*) FROM TB_MEMBER");
            long lastOrder = count(connection, "SELECT COALESCE(MAX(ORD_NO), 0) FROM TB_ORDER");
            long firstMember = count(connection, "SELECT COALESCE(MAX(MBR_NO), 0) FROM TB_MEMBER") + 1;

            SeedReport report = seeder.seed(connection, new SeedPlan(300, 900, 40, 7, 128));

            String newOrders = " FROM TB_ORDER o WHERE o.ORD_NO > " + lastOrder;
            assertThat(count(connection, "SELECT COUNT(*) FROM TB_MEMBER")).isEqualTo(members + 300);
            assertThat(count(connection, "SELECT COUNT(*)" + newOrders)).isEqualTo(900);
            assertThat(count(connection, "SELECT COUNT(*) FROM TB_ORDER_ITEM WHERE ORD_NO > " + lastOrder))
                    .isEqualTo(report.orderItems()).isBetween(900L, 2700L);
            assertThat(count(connection, "SELECT COUNT(*)" + newOrders + " AND (SELECT COUNT(*) FROM TB_ORDER_ITEM i"
                    + " WHERE i.ORD_NO = o.ORD_NO) NOT BETWEEN 1 AND 3")).isZero();
            assertThat(count(connection, "SELECT COUNT(*)" + newOrders + " AND o.TOT_AMT <> (SELECT SUM(i.QTY *"
                    + " i.UNIT_PRC) FROM TB_ORDER_ITEM i WHERE i.ORD_NO = o.ORD_NO)")).isZero();
            assertThat(count(connection, "SELECT COUNT(*)" + newOrders + " AND o.MBR_NO < " + firstMember)).isZero();
            assertThat(count(connection, "SELECT COUNT(*)" + newOrders + " AND o.ORD_DT < (SELECT m.JOIN_DT FROM"
                    + " TB_MEMBER m WHERE m.MBR_NO = o.MBR_NO)")).isZero();
            assertThat(count(connection, "SELECT COUNT(*)" + newOrders + " AND o.ORD_STAT_CD IN ('10', '20') AND"
                    + " (SELECT m.DEL_YN FROM TB_MEMBER m WHERE m.MBR_NO = o.MBR_NO) = 'Y'")).isZero();
            assertThat(names(connection, firstMember, 300)).anyMatch(name -> name.matches(".*\\p{IsHangul}.*"));
            assertThat(output.toString()).contains("Seeded 300 members, 40 products, 900 orders").contains("rows/s");
        }
    }

    @Test
    void seedingTwiceAppendsTheSameDataWithFreshIdsAndUniqueLoginIds() throws SQLException {
        try (Connection connection = connect(settings.legacy())) {
            long first = count(connection, "SELECT COALESCE(MAX(MBR_NO), 0) FROM TB_MEMBER") + 1;
            seeder.seed(connection, new SeedPlan(50, 0, 0, 99, 1000));
            long second = count(connection, "SELECT COALESCE(MAX(MBR_NO), 0) FROM TB_MEMBER") + 1;
            seeder.seed(connection, new SeedPlan(50, 0, 0, 99, 1000));

            assertThat(names(connection, second, 50)).hasSize(50).isEqualTo(names(connection, first, 50));
            assertThat(count(connection, "SELECT COUNT(*) - COUNT(DISTINCT LOGIN_ID) FROM TB_MEMBER")).isZero();
        }
    }

    @Test
    void aDatabaseWithoutTheLegacySchemaIsRefusedWithTheFix() throws SQLException {
        try (Connection connection = connect(settings.member())) {
            assertThatThrownBy(() -> seeder.seed(connection, new SeedPlan(1, 0, 0, 1, 1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(settings.member().database() + " has no TB_MEMBER table: start the monolith first"
                            + " (./kit up) so Flyway creates the schema");
        }
    }

    private Connection connect(DatabaseAccount account) throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(account.database()), account.user(), account.password());
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet result = query.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static List<String> names(Connection connection, long firstId, int count) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT MBR_NM FROM TB_MEMBER WHERE MBR_NO >= ? AND MBR_NO < ? ORDER BY MBR_NO")) {
            query.setLong(1, firstId);
            query.setLong(2, firstId + count);
            List<String> names = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
            }
            return names;
        }
    }
}
