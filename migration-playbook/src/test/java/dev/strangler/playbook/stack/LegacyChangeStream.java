package dev.strangler.playbook.stack;

import dev.strangler.infra.InfraSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** Inserts and updates of legacy members as the monolith would write them, on a thread of their own. */
final class LegacyChangeStream {

    private final AtomicInteger written = new AtomicInteger();
    private final CompletableFuture<Void> done;

    private LegacyChangeStream(InfraSettings infra, int changes) {
        this.done = CompletableFuture.runAsync(() -> write(infra, changes));
    }

    static LegacyChangeStream start(InfraSettings infra, int changes) {
        return new LegacyChangeStream(infra, changes);
    }

    int written() {
        return written.get();
    }

    /** Waits for the last change; rethrows what stopped the stream. */
    int finish() throws Exception {
        done.get();
        return written.get();
    }

    private void write(InfraSettings infra, int changes) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (Connection legacy = DriverManager.getConnection(infra.jdbcUrl(infra.legacy().database()),
                infra.legacy().user(), infra.legacy().password());
             PreparedStatement insert = legacy.prepareStatement(
                     "INSERT INTO TB_MEMBER (LOGIN_ID, MBR_NM, EMAIL_ADDR, GRADE_CD) VALUES (?, ?, ?, 'B')");
             PreparedStatement update = legacy.prepareStatement(
                     "UPDATE TB_MEMBER SET MBR_NM = ?, GRADE_CD = 'S' WHERE LOGIN_ID = ?")) {
            for (int i = 0; i < changes; i++) {
                if (i % 2 == 0) {
                    insert.setString(1, "rel-" + run + "-" + i);
                    insert.setString(2, "신뢰성 " + i);
                    insert.setString(3, "rel-" + run + "-" + i + "@example.com");
                    insert.executeUpdate();
                } else {
                    update.setString(1, "갱신 " + i);
                    update.setString(2, "rel-" + run + "-" + (i - 1));
                    update.executeUpdate();
                }
                written.incrementAndGet();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
