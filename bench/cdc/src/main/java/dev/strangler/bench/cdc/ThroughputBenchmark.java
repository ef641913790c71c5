package dev.strangler.bench.cdc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Highest sustained throughput: rounds of chunked multi-row updates as fast as the database takes them; measures
 * how fast the changes reach Kafka and, with a query, the member service's database.
 */
@Command(name = "throughput", mixinStandardHelpOptions = true, description = "Burst throughput binlog -> Kafka (-> member_db).")
final class ThroughputBenchmark implements Runnable {

    @Option(names = "--members", defaultValue = "10000")
    int members;

    @Option(names = "--rounds", defaultValue = "5", description = "each round changes every bench member once")
    int rounds;

    @Option(names = "--topic", defaultValue = "legacy.member")
    String topic;

    @Option(names = "--member-db-count-query", defaultValue = "",
            description = "SQL counting the service's members with ids between ? and ? whose name is LIKE ?; empty: skip")
    String memberDbCountQuery;

    @Override
    public void run() {
        try {
            measure();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void measure() throws Exception {
        BenchStack stack = new BenchStack();
        List<Long> ids;
        try (Connection legacy = stack.legacy()) {
            ids = BenchMembers.ensure(legacy, "cdc-tp-", members);
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        String mark = "cdc-tp:" + run + ":";
        long total = (long) ids.size() * rounds;

        KafkaConsumer<String, String> consumer = stack.consumerAtEnd(topic);
        AtomicLong kafkaCount = new AtomicLong();
        AtomicLong kafkaDoneAt = new AtomicLong();
        Thread kafka = new Thread(() -> {
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (kafkaCount.get() < total && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                    if (record.value() != null && record.value().contains(mark)) {
                        kafkaCount.incrementAndGet();
                    }
                }
            }
            kafkaDoneAt.set(System.nanoTime());
            consumer.close();
        });
        kafka.start();

        long start = System.nanoTime();
        try (Connection legacy = stack.legacy(); PreparedStatement update = legacy.prepareStatement(
                "UPDATE TB_MEMBER SET MBR_NM = CONCAT(?, MBR_NO) WHERE MBR_NO BETWEEN ? AND ? AND LOGIN_ID LIKE 'cdc-tp-%'")) {
            for (int round = 0; round < rounds; round++) {
                for (int from = 0; from < ids.size(); from += 1000) {
                    update.setString(1, mark + round + ":");
                    update.setLong(2, ids.get(from));
                    update.setLong(3, ids.get(Math.min(from + 999, ids.size() - 1)));
                    update.executeUpdate();
                }
            }
        }
        long written = System.nanoTime();
        long memberDbDone = memberDbCountQuery.isBlank() ? 0
                : awaitMemberDb(stack, ids, mark + (rounds - 1) + ":%");
        kafka.join();

        System.out.printf("%,d changes in %d rounds of %,d members; database took them at %,.0f changes/s%n",
                total, rounds, ids.size(), total / seconds(start, written));
        System.out.printf("binlog -> Kafka:     %,d of %,d changes, %,.0f changes/s%n", kafkaCount.get(), total,
                kafkaCount.get() / seconds(start, kafkaDoneAt.get()));
        if (memberDbDone > 0) {
            System.out.printf("binlog -> member_db: %,.0f changes/s (all rounds applied)%n", total / seconds(start, memberDbDone));
        }
    }

    /** Counts within the bench members' id range, so the poll itself stays cheap however large the table is. */
    private long awaitMemberDb(BenchStack stack, List<Long> ids, String pattern) throws Exception {
        int expected = ids.size();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        try (Connection member = stack.member(); PreparedStatement count = member.prepareStatement(memberDbCountQuery)) {
            count.setLong(1, ids.get(0));
            count.setLong(2, ids.get(ids.size() - 1));
            count.setString(3, pattern);
            while (System.nanoTime() < deadline) {
                try (ResultSet row = count.executeQuery()) {
                    if (row.next() && row.getLong(1) >= expected) {
                        return System.nanoTime();
                    }
                }
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        }
        throw new IllegalStateException("member_db did not show all " + expected + " rows within 5 minutes");
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
