package dev.strangler.playbook.seed;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Loads members, products and orders into the monolith's legacy schema with batched inserts, committing every
 * batch so a million rows never sit in one transaction. It appends: ids continue after the current maximum, and
 * login ids carry that running number, so a second run never collides with the first.
 */
public final class LegacySeeder {

    private static final List<String> TABLES = List.of("TB_MEMBER", "TB_PRODUCT", "TB_ORDER", "TB_ORDER_ITEM");
    private static final int PROGRESS_EVERY = 100_000;

    private final PrintWriter out;

    public LegacySeeder(PrintWriter out) {
        this.out = out;
    }

    public SeedReport seed(Connection connection, SeedPlan plan) throws SQLException {
        requireSchema(connection);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            long started = System.nanoTime();
            SplittableRandom random = new SplittableRandom(plan.seed());
            SeededMembers members = new SeededMembers(maxId(connection, "TB_MEMBER", "MBR_NO") + 1, plan.members());
            insertMembers(connection, plan, members, random);
            long firstProductId = maxId(connection, "TB_PRODUCT", "PRD_NO") + 1;
            long[] prices = insertProducts(connection, plan, firstProductId, random);
            long items = plan.orders() == 0 ? 0 : new OrderInserter(connection, plan, out)
                    .insert(maxId(connection, "TB_ORDER", "ORD_NO") + 1, members, firstProductId, prices, random);
            SeedReport report = new SeedReport(plan.members(), plan.products(), plan.orders(), items,
                    Duration.ofNanos(System.nanoTime() - started));
            out.println(report.summary());
            out.flush();
            return report;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The schema is the monolith's (Flyway); seeding into a database without it would only confuse. */
    static void requireSchema(Connection connection) throws SQLException {
        for (String table : TABLES) {
            try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
                query.setString(1, table);
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    if (result.getInt(1) == 0) {
                        throw new IllegalStateException(connection.getCatalog() + " has no " + table + " table: "
                                + "start the monolith first (./kit up) so Flyway creates the schema");
                    }
                }
            }
        }
    }

    private void insertMembers(Connection connection, SeedPlan plan, SeededMembers members, SplittableRandom random)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO TB_MEMBER (MBR_NO, LOGIN_ID, MBR_NM, EMAIL_ADDR, TEL_NO, GRADE_CD, JOIN_DT, UPD_DT, DEL_YN)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (int i = 0; i < plan.members(); i++) {
                SeedMember member = SampleMembers.member(members.id(i), random);
                members.record(member);
                insert.setLong(1, member.id());
                insert.setString(2, member.loginId());
                insert.setString(3, member.name());
                insert.setString(4, member.email());
                insert.setString(5, member.phone());
                insert.setString(6, member.gradeCode());
                insert.setObject(7, member.joinedAt());
                insert.setObject(8, member.updatedAt());
                insert.setString(9, member.deleted() ? "Y" : "N");
                insert.addBatch();
                flushIfFull(connection, insert, i + 1, plan, "members");
            }
            flush(connection, insert);
        }
    }

    private long[] insertProducts(Connection connection, SeedPlan plan, long firstId, SplittableRandom random)
            throws SQLException {
        long[] prices = new long[plan.products()];
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO TB_PRODUCT (PRD_NO, PRD_NM, UNIT_PRC, STOCK_QTY, UPD_DT) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < plan.products(); i++) {
                prices[i] = SampleCatalogue.priceCents(random);
                insert.setLong(1, firstId + i);
                insert.setString(2, SampleCatalogue.name(random));
                insert.setBigDecimal(3, BigDecimal.valueOf(prices[i], 2));
                insert.setInt(4, SampleCatalogue.stock(random));
                insert.setObject(5, SampleMembers.between(SeedPlan.HISTORY_END.minusYears(1), SeedPlan.HISTORY_END,
                        random));
                insert.addBatch();
                flushIfFull(connection, insert, i + 1, plan, "products");
            }
            flush(connection, insert);
        }
        return prices;
    }

    private void flushIfFull(Connection connection, PreparedStatement insert, int done, SeedPlan plan, String what)
            throws SQLException {
        if (done % plan.batchSize() == 0) {
            flush(connection, insert);
        }
        if (done % PROGRESS_EVERY == 0) {
            out.printf("  %,d %s%n", done, what);
            out.flush();
        }
    }

    static void flush(Connection connection, PreparedStatement insert) throws SQLException {
        insert.executeBatch();
        connection.commit();
    }

    private static long maxId(Connection connection, String table, String column) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT COALESCE(MAX(" + column + "), 0) FROM "
                + table); ResultSet result = query.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }
}
