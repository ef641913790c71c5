package dev.strangler.bench.cdc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backfill: bench/cdc/backfill.sh empties the member service's copy ({@code --reset}), then restarts the bridge with
 * no offsets, so its initial snapshot re-reads all of TB_MEMBER. This then follows two clocks from the moment the
 * bridge was healthy: when the bridge had published every row (its /cdc/status snapshotRows), and when member_db
 * held every row (the member service had committed the offsets of every published record, and a count agrees).
 * Rows/s is rows over seconds for each.
 */
@Command(name = "backfill", mixinStandardHelpOptions = true, description = "Rows/s of the snapshot into member_db.")
final class BackfillBenchmark implements Runnable {

    private static final Duration POLL = Duration.ofMillis(200);

    @Option(names = "--reset", description = "only empty member_db's MEMBER, then exit")
    boolean reset;

    @Option(names = "--started-at-ms", description = "epoch ms when the restarted bridge was healthy")
    long startedAtMillis;

    @Option(names = "--bridge-status-url", defaultValue = "http://127.0.0.1:${env:CDC_BRIDGE_PORT:-8084}/cdc/status",
            description = "the bridge's status (default: ${DEFAULT-VALUE})")
    String bridgeStatusUrl;

    @Option(names = "--bridge-token", defaultValue = "${env:PROXY_ADMIN_TOKEN:-}",
            description = "a control token for the bridge's operations API (default: PROXY_ADMIN_TOKEN)")
    String bridgeToken;

    @Option(names = "--member-topic", defaultValue = "${env:MEMBER_TOPIC:-legacy.member}",
            description = "the topic TB_MEMBER is published to (default: ${DEFAULT-VALUE})")
    String memberTopic;

    // The service names its listener's group after its own (MEMBER_CONSUMER_GROUP), as its application.yml does.
    @Option(names = "--member-group",
            defaultValue = "${env:MEMBER_CONSUMER_GROUP:-extracted-member-service}.legacy-member",
            description = "the consumer group of the member service's TB_MEMBER listener (default: ${DEFAULT-VALUE})")
    String memberGroup;

    @Option(names = "--timeout", defaultValue = "PT20M", description = "give up after (default: ${DEFAULT-VALUE})")
    Duration timeout;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public void run() {
        try {
            BenchStack stack = new BenchStack();
            if (reset) {
                emptyMemberCopy(stack);
                return;
            }
            if (startedAtMillis == 0) {
                throw new IllegalArgumentException("--started-at-ms is required unless --reset");
            }
            long expected = legacyMembers(stack);
            long deadline = System.nanoTime() + timeout.toNanos();
            double bridgeSeconds = 0;
            long copied = 0;
            // Counting MEMBER every poll would scan up to a million rows five times a second, in the database under
            // test: the clock follows the member service's committed offsets instead, and counts only to confirm.
            Map<TopicPartition, Long> published = null;
            try (Admin kafka = stack.admin(); Connection member = stack.member();
                 PreparedStatement count = member.prepareStatement("SELECT COUNT(*) FROM MEMBER")) {
                while (copied < expected && System.nanoTime() < deadline) {
                    if (published == null && snapshotRows() >= expected) {
                        bridgeSeconds = secondsSinceStart();
                        published = endOffsets(kafka);
                    }
                    if (published != null && consumedUpTo(kafka, published)) {
                        try (ResultSet row = count.executeQuery()) {
                            row.next();
                            copied = row.getLong(1);
                        }
                    }
                    if (copied < expected) {
                        LockSupport.parkNanos(POLL.toNanos());
                    }
                }
            }
            double seconds = secondsSinceStart();
            System.out.printf("bridge snapshot, binlog -> Kafka: %,d rows in %.1f s: %,.0f rows/s%n",
                    expected, bridgeSeconds, bridgeSeconds == 0 ? 0 : expected / bridgeSeconds);
            System.out.printf("backfill into member_db: %,d of %,d members after %.1f s: %,.0f rows/s%n",
                    copied, expected, seconds, copied / seconds);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<TopicPartition, Long> endOffsets(Admin kafka) throws Exception {
        Map<TopicPartition, OffsetSpec> partitions = kafka.describeTopics(List.of(memberTopic)).allTopicNames().get()
                .get(memberTopic).partitions().stream().collect(Collectors.toMap(
                        partition -> new TopicPartition(memberTopic, partition.partition()),
                        partition -> OffsetSpec.latest()));
        return kafka.listOffsets(partitions).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    /** Whether the member service committed (so applied) everything up to {@code offsets}. */
    private boolean consumedUpTo(Admin kafka, Map<TopicPartition, Long> offsets) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(memberGroup)
                .partitionsToOffsetAndMetadata().get();
        // Asked only once the snapshot is published, long after the service's first commit.
        if (offsets.keySet().stream().noneMatch(committed::containsKey)) {
            throw new IllegalStateException("consumer group '" + memberGroup + "' has no offsets on " + memberTopic
                    + ": pass the member service's group with --member-group");
        }
        return offsets.entrySet().stream().allMatch(end -> committed.get(end.getKey()) != null
                && committed.get(end.getKey()).offset() >= end.getValue());
    }

    private double secondsSinceStart() {
        return (System.currentTimeMillis() - startedAtMillis) / 1000.0;
    }

    private long snapshotRows() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(bridgeStatusUrl));
        if (!bridgeToken.isBlank()) {
            request.header("Authorization", "Bearer " + bridgeToken);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body()).path("snapshotRows").asLong();
    }

    private static long legacyMembers(BenchStack stack) throws SQLException {
        try (Connection legacy = stack.legacy(); PreparedStatement count = legacy.prepareStatement(
                "SELECT COUNT(*) FROM TB_MEMBER"); ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** With the member service stopped: otherwise its consumer could be mid-batch. */
    private static void emptyMemberCopy(BenchStack stack) throws SQLException {
        try (Connection member = stack.member(); Statement statement = member.createStatement()) {
            // Each member row carries its replicated version, so this also forgets the versions.
            int members = statement.executeUpdate("DELETE FROM MEMBER");
            System.out.printf("emptied member_db: %,d members%n", members);
        }
    }
}
