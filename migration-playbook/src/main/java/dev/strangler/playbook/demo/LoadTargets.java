package dev.strangler.playbook.demo;

import dev.strangler.infra.InfraSettings;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the background load works on, read from the legacy schema: active members, products in stock, existing
 * orders.
 */
record LoadTargets(List<Long> members, List<Long> products, List<Long> orders) {

    static LoadTargets read(InfraSettings infra) throws SQLException {
        return new LoadTargets(
                ids(infra, "SELECT MBR_NO FROM TB_MEMBER WHERE DEL_YN = 'N' ORDER BY MBR_NO LIMIT 5000"),
                ids(infra, "SELECT PRD_NO FROM TB_PRODUCT WHERE STOCK_QTY > 100 ORDER BY PRD_NO LIMIT 100"),
                ids(infra, "SELECT ORD_NO FROM TB_ORDER ORDER BY ORD_NO LIMIT 5000"));
    }

    boolean empty() {
        return members.isEmpty() || products.isEmpty();
    }

    BackgroundLoad load(URI proxy, int clients) {
        return new BackgroundLoad(proxy, members, products, orders, clients);
    }

    static List<Long> ids(InfraSettings infra, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(infra.jdbcUrl(infra.legacy().database()),
                infra.legacy().user(), infra.legacy().password());
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }
}
