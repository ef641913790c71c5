package dev.strangler.bench.cdc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A set of legacy members kept for benchmarks (LOGIN_ID prefix), created on first use. */
final class BenchMembers {

    private BenchMembers() {
    }

    /** @return the ids of {@code count} members whose login id starts with {@code prefix}, in id order */
    static List<Long> ensure(Connection legacy, String prefix, int count) throws SQLException {
        List<Long> ids = find(legacy, prefix, count);
        if (ids.size() < count) {
            legacy.setAutoCommit(false);
            try (PreparedStatement insert = legacy.prepareStatement(
                    "INSERT INTO TB_MEMBER (LOGIN_ID, MBR_NM, EMAIL_ADDR) VALUES (?, 'bench', ?)")) {
                for (int i = ids.size(); i < count; i++) {
                    String login = prefix + System.nanoTime() + "-" + i;
                    insert.setString(1, login);
                    insert.setString(2, login + "@bench.invalid");
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            legacy.commit();
            legacy.setAutoCommit(true);
            ids = find(legacy, prefix, count);
        }
        return ids;
    }

    private static List<Long> find(Connection legacy, String prefix, int count) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement query = legacy.prepareStatement(
                "SELECT MBR_NO FROM TB_MEMBER WHERE LOGIN_ID LIKE ? ORDER BY MBR_NO LIMIT ?")) {
            query.setString(1, prefix + "%");
            query.setInt(2, count);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }
}
