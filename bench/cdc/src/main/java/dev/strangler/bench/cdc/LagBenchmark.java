package dev.strangler.bench.cdc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End-to-end lag at a steady rate: single-row updates of legacy members, committed open-loop at the given rate;
 * lag is the time from each commit returning to the change arriving on Kafka, and (when a query is given) to the
 * change being visible in the member service's database.
 */
@Command(name = "lag", mixinStandardHelpOptions = true, description = "Commit-to-Kafka and commit-to-member_db lag at a steady rate.")
final class LagBenchmark implements Runnable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MARK = "cdc-bench:";

    @Option(names = "--rate", defaultValue = "500", description = "changes per second (default: ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--seconds", defaultValue = "30", description = "measured seconds (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--members", defaultValue = "500", description = "members updated in rotation (default: ${DEFAULT-VALUE})")
    int members;

    @Option(names = "--writers", defaultValue = "4", description = "writer connections (default: ${DEFAULT-VALUE})")
    int writers;

    @Option(names = "--topic", defaultValue = "legacy.member")
    String topic;

    @Option(names = "--member-db-query", defaultValue = "",
            description = "SQL returning (id, name) of the service's members with ids between ? and ?; empty: skip")
    String memberDbQuery;

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
            ids = BenchMembers.ensure(legacy, "cdc-bench-", members);
        }
        int total = rate * seconds;
        long[] committedAt = new long[total];
        long[] kafkaLag = new long[total];
        long[] visibleLag = new long[total];
        AtomicInteger kafkaSeen = new AtomicInteger();
        AtomicInteger visibleSeen = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);

        KafkaConsumer<String, String> consumer = stack.consumerAtEnd(topic);
        Future<?> kafka = pool.submit(() -> {
            boolean[] seen = new boolean[total];
            while (!done.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    int seq = sequence(record.value());
                    if (seq >= 0 && seq < total && !seen[seq] && committedAt[seq] != 0) {
                        seen[seq] = true;
                        kafkaLag[kafkaSeen.getAndIncrement()] = now - committedAt[seq];
                    }
                }
            }
            consumer.close();
            return null;
        });
        Future<?> visibility = memberDbQuery.isBlank() ? null : pool.submit(() -> {
            watchMemberDb(stack, ids, total, committedAt, visibleLag, visibleSeen, done);
            return null;
        });

        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> writes = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            writes.add(pool.submit(() -> {
                try (Connection legacy = stack.legacy(); PreparedStatement update = legacy.prepareStatement(
                        "UPDATE TB_MEMBER SET MBR_NM = ? WHERE MBR_NO = ?")) {
                    for (int seq = next.getAndIncrement(); seq < total; seq = next.getAndIncrement()) {
                        long due = start + seq * interval;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait); // open-loop pacing of the writer, not a wait in a test
                        }
                        update.setString(1, MARK + seq);
                        update.setLong(2, ids.get(seq % ids.size()));
                        update.executeUpdate();
                        committedAt[seq] = System.nanoTime();
                    }
                }
                return null;
            }));
        }
        for (Future<?> write : writes) {
            write.get();
        }
        double writeSeconds = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (kafkaSeen.get() < total && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        done.set(true);
        kafka.get();
        if (visibility != null) {
            visibility.get();
        }
        pool.shutdown();

        System.out.printf("rate asked %d/s, achieved %.0f/s over %.1f s, %d writers, %d members%n",
                rate, total / writeSeconds, writeSeconds, writers, ids.size());
        System.out.println("commit -> Kafka:     " + Percentiles.of(kafkaLag, kafkaSeen.get())
                + (kafkaSeen.get() < total ? "  (" + (total - kafkaSeen.get()) + " not seen)" : ""));
        if (visibility != null) {
            System.out.println("commit -> member_db: " + Percentiles.of(visibleLag, visibleSeen.get())
                    + "  (of " + total + " changes; a row overwritten before a poll is not sampled)");
        }
    }

    private void watchMemberDb(BenchStack stack, List<Long> ids, int total, long[] committedAt, long[] visibleLag,
                               AtomicInteger visibleSeen, AtomicBoolean done) throws Exception {
        boolean[] seen = new boolean[total];
        try (Connection member = stack.member(); PreparedStatement query = member.prepareStatement(memberDbQuery)) {
            query.setLong(1, ids.get(0));
            query.setLong(2, ids.get(ids.size() - 1));
            while (!done.get()) {
                try (ResultSet rows = query.executeQuery()) {
                    long now = System.nanoTime();
                    while (rows.next()) {
                        String name = rows.getString(2);
                        if (name != null && name.startsWith(MARK)) {
                            int seq = Integer.parseInt(name.substring(MARK.length()));
                            if (seq < total && !seen[seq] && committedAt[seq] != 0) {
                                seen[seq] = true;
                                visibleLag[visibleSeen.getAndIncrement()] = now - committedAt[seq];
                            }
                        }
                    }
                }
                LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
            }
        }
    }

    private static int sequence(String value) {
        if (value == null || !value.contains(MARK)) {
            return -1;
        }
        JsonNode name = JSON.readTree(value).path("after").path("MBR_NM");
        String text = name.asString("");
        return text.startsWith(MARK) ? Integer.parseInt(text.substring(MARK.length())) : -1;
    }
}
