package dev.strangler.playbook.seed;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.SplittableRandom;

/** Writes orders and their items in the same batches, so a committed order always has its items. */
final class OrderInserter {

    private final Connection connection;
    private final SeedPlan plan;
    private final PrintWriter out;

    OrderInserter(Connection connection, SeedPlan plan, PrintWriter out) {
        this.connection = connection;
        this.plan = plan;
        this.out = out;
    }

    /** Returns the number of items written. */
    long insert(long firstId, SeededMembers members, long firstProductId, long[] priceCents, SplittableRandom random)
            throws SQLException {
        long items = 0;
        try (PreparedStatement orders = connection.prepareStatement("""
                INSERT INTO TB_ORDER (ORD_NO, MBR_NO, ORD_STAT_CD, ORD_DT, TOT_AMT, SHIP_ADDR, UPD_DT)
                VALUES (?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement lines = connection.prepareStatement(
                     "INSERT INTO TB_ORDER_ITEM (ORD_NO, ITEM_SEQ, PRD_NO, QTY, UNIT_PRC) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < plan.orders(); i++) {
                SeedOrder order = SampleOrders.order(firstId + i, members, firstProductId, priceCents, random);
                orders.setLong(1, order.id());
                orders.setLong(2, order.memberId());
                orders.setString(3, order.statusCode());
                orders.setObject(4, order.orderedAt());
                orders.setBigDecimal(5, BigDecimal.valueOf(order.totalCents(), 2));
                orders.setString(6, order.shippingAddress());
                orders.setObject(7, order.updatedAt());
                orders.addBatch();
                for (SeedOrder.Item item : order.items()) {
                    lines.setLong(1, order.id());
                    lines.setInt(2, item.seq());
                    lines.setLong(3, item.productId());
                    lines.setInt(4, item.quantity());
                    lines.setBigDecimal(5, BigDecimal.valueOf(item.unitPriceCents(), 2));
                    lines.addBatch();
                    items++;
                }
                if ((i + 1) % plan.batchSize() == 0 || i + 1 == plan.orders()) {
                    // Headers first: the items' foreign key needs them.
                    orders.executeBatch();
                    LegacySeeder.flush(connection, lines);
                }
                if ((i + 1) % 100_000 == 0) {
                    out.printf("  %,d orders%n", i + 1);
                    out.flush();
                }
            }
        }
        return items;
    }
}
