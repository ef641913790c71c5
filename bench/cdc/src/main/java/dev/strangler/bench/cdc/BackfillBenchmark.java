package dev.strangler.bench.cdc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Backfill: after bench/cdc/backfill.sh restarted the bridge with no offsets, its snapshot fills the member service's
 * database; this waits until the service has as many members as legacy_db and reports rows per second.
 */
@Command(name = "backfill", mixinStandardHelpOptions = true, description = "Rows/s of the snapshot into member_db.")
final class BackfillBenchmark implements Runnable {

    @Option(names = "--started-at-ms", required = true, description = "epoch ms when the bridge was started")
    long startedAtMillis;

    @Option(names = "--member-db-count-query", required = true, description = "SQL counting the service's members")
    String memberDbCountQuery;

    @Override
    public void run() {
        try {
            BenchStack stack = new BenchStack();
            long expected;
            try (Connection legacy = stack.legacy(); PreparedStatement count = legacy.prepareStatement(
                    "SELECT COUNT(*) FROM TB_MEMBER"); ResultSet row = count.executeQuery()) {
                row.next();
                expected = row.getLong(1);
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
            long copied = 0;
            try (Connection member = stack.member(); PreparedStatement count = member.prepareStatement(memberDbCountQuery)) {
                while (copied < expected && System.nanoTime() < deadline) {
                    try (ResultSet row = count.executeQuery()) {
                        row.next();
                        copied = row.getLong(1);
                    }
                    if (copied < expected) {
                        LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
                    }
                }
            }
            double seconds = (System.currentTimeMillis() - startedAtMillis) / 1000.0;
            System.out.printf("backfill: %,d of %,d members in member_db after %.1f s: %,.0f rows/s%n",
                    copied, expected, seconds, copied / seconds);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
