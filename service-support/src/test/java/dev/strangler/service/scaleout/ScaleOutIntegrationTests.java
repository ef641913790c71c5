package dev.strangler.service.scaleout;

import static dev.strangler.service.changefeed.testing.DebeziumEnvelopes.envelope;
import static dev.strangler.service.changefeed.testing.DebeziumEnvelopes.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.infra.InfraSettings;
import dev.strangler.infra.testing.SharedInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scale-out by partitions: three instances of one service in one consumer group share a change topic of six
 * partitions under load. One of them runs in a JVM of its own and is killed with SIGKILL mid-load: no offset commit,
 * no leave-group, its open transaction rolled back by the database. The group then hands its partitions to the two
 * others once its session times out. Every change is applied at most once and in order per key, the last change of
 * every key is applied (0 rows lost), and what the killed instance had applied but not committed is delivered again
 * and changes nothing (the version guard).
 */
class ScaleOutIntegrationTests {

    private static final String TOPIC = "scaleout.legacy.stock";
    private static final String GROUP = "scaleout-service";
    private static final int PARTITIONS = 6;
    private static final int KEYS = 60;
    private static final int VERSIONS = 30;
    private static final Path KILLED_LOG = Path.of("target", "scaleout-instance-c.log").toAbsolutePath();

    private final InfraSettings infra = SharedInfrastructure.settings();
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private Process killed;

    @AfterEach
    void stopInstances() {
        if (killed != null) {
            killed.destroyForcibly();
        }
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void threeInstancesShareThePartitionsAndAKilledOnesAreTakenOverWithNothingLostOrAppliedTwice() throws Exception {
        killed = startInOwnJvm("c");
        ConfigurableApplicationContext a = start("a");
        ConfigurableApplicationContext b = start("b");
        JdbcTemplate db = a.getBean(JdbcTemplate.class);
        Set<TopicPartition> ofKilled = awaitAssignment(3).get("c");

        Load load = new Load();
        Thread producing = new Thread(load, "scaleout-load");
        producing.start();
        // Killed once it has applied ten versions of its rows and before the load's last third.
        await().atMost(Duration.ofSeconds(60)).until(() -> newestApplied(db, "c") >= 10);
        killed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        load.killed.countDown();
        int sentBeforeTheKill = load.sent;
        producing.join(60_000);

        Map<String, Set<TopicPartition>> survivors = awaitAssignment(2);
        await().atMost(Duration.ofSeconds(60)).until(() -> db.queryForObject(
                "SELECT COUNT(*) FROM STOCK_LEVEL WHERE version = ?", Integer.class, VERSIONS) == KEYS);

        assertThat(sentBeforeTheKill).as("killed mid-load").isLessThan(KEYS * VERSIONS);
        assertThat(survivors.values().stream().flatMap(Set::stream).collect(Collectors.toSet()))
                .as("the survivors hold every partition").hasSize(PARTITIONS).containsAll(ofKilled);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM STOCK_LEVEL", Integer.class)).isEqualTo(KEYS);
        assertThat(Stream.of(a, b).flatMap(ScaleOutIntegrationTests::partitionsInHealth).toList())
                .as("each instance's health names the partitions it holds")
                .containsExactlyInAnyOrderElementsOf(survivors.values().stream().flatMap(Set::stream)
                        .map(TopicPartition::toString).toList());

        // Each key's records went to one partition, so its changes arrived in the order they were written, and were
        // applied in that order, never one twice (a batch applies only the newest change of a key: versions skip).
        Map<String, TopicPartition> partitionOfKey = load.partitionOfKey();
        assertThat(partitionOfKey).hasSize(KEYS);
        Map<String, List<Long>> appliedVersions = new HashMap<>();
        Map<String, Long> newestOfKilled = new HashMap<>();
        db.query("SELECT instance, warehouse, sku, version FROM APPLY_LOG ORDER BY id", row -> {
            String key = row.getString("warehouse") + "/" + row.getString("sku");
            appliedVersions.computeIfAbsent(key, k -> new ArrayList<>()).add(row.getLong("version"));
            if (row.getString("instance").equals("c")) {
                newestOfKilled.merge(key, row.getLong("version"), Math::max);
            }
        });
        appliedVersions.forEach((key, versions) -> assertThat(versions).as(key).isSorted().doesNotHaveDuplicates()
                .last().isEqualTo((long) VERSIONS));

        // The killed instance's keys: it applied some versions; the survivors applied the later ones.
        assertThat(newestOfKilled).isNotEmpty();
        newestOfKilled.keySet().forEach(key -> assertThat(ofKilled).contains(partitionOfKey.get(key)));
        assertThat(db.queryForObject("SELECT COUNT(*) FROM APPLY_LOG WHERE instance IN ('a', 'b') AND version = ?"
                + " AND CONCAT(warehouse, '/', sku) IN (" + quoted(newestOfKilled.keySet()) + ")", Integer.class,
                VERSIONS)).isEqualTo(newestOfKilled.size());

        // It never committed what it applied (see startInOwnJvm), so the survivors were delivered those records again.
        long redelivered = survivorsDeliveries(a, b).stream().map(load.written::get)
                .filter(change -> change != null && newestOfKilled.getOrDefault(change.key(), 0L) >= change.version())
                .count();
        assertThat(redelivered).as("records the killed instance had applied, delivered again").isPositive();
    }

    /** An instance in this JVM. */
    private ConfigurableApplicationContext start(String name) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ScaleOutFixtureApplication.class)
                .run(arguments(name).toArray(String[]::new));
        instances.add(context);
        return context;
    }

    /**
     * An instance in a JVM of its own, for a real kill. It commits its offsets only every ten minutes (ack mode TIME):
     * everything it applies is then applied but not committed when it dies. Every crash leaves such a window between a
     * batch's database commit and its offset commit; this makes it as wide as it gets, so the redelivery the version
     * guard must absorb always happens.
     */
    private Process startInOwnJvm(String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ScaleOutFixtureApplication.class.getName()));
        command.addAll(arguments(name));
        command.add("--spring.kafka.listener.ack-mode=TIME");
        command.add("--spring.kafka.listener.ack-time=10m");
        Files.createDirectories(KILLED_LOG.getParent());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(KILLED_LOG.toFile()).start();
    }

    private List<String> arguments(String name) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("spring.application.name", "scaleout-fixture");
        settings.put("spring.main.web-application-type", "none");
        settings.put("spring.main.banner-mode", "off");
        settings.put("spring.datasource.url", infra.jdbcUrl(infra.order().database()));
        settings.put("spring.datasource.username", infra.order().user());
        settings.put("spring.datasource.password", infra.order().password());
        settings.put("spring.flyway.user", infra.orderMigration().user());
        settings.put("spring.flyway.password", infra.orderMigration().password());
        settings.put("spring.datasource.hikari.maximum-pool-size", 3);
        settings.put("spring.flyway.locations", "classpath:db/scaleout");
        settings.put("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers());
        settings.put("spring.kafka.client-id", "scaleout-" + name);
        settings.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        // Small polls: a redelivered record meets the version guard in a batch of its own kind, instead of being
        // outvoted by a newer change of its key in the same large batch (which would hide a missing guard).
        settings.put("spring.kafka.consumer.max-poll-records", 20);
        // A killed member leaves the group when its session times out: the broker's shortest, not Kafka's 45 s.
        settings.put("spring.kafka.consumer.properties[session.timeout.ms]", 6000);
        settings.put("spring.kafka.consumer.properties[heartbeat.interval.ms]", 1000);
        settings.put("kit.ownership.subject", "stock");
        settings.put("kit.ownership.default-mode", "LEGACY_OWNS");
        settings.put("kit.service.changefeed.partitions", PARTITIONS);
        settings.put("scaleout.topic", TOPIC);
        settings.put("scaleout.group", GROUP);
        settings.put("scaleout.instance", name);
        return settings.entrySet().stream().map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toList();
    }

    /**
     * The group's members by instance name and their partitions, once it has {@code members} members and every
     * partition of the topic (created by the instances with {@value #PARTITIONS}) is assigned.
     */
    private Map<String, Set<TopicPartition>> awaitAssignment(int members) {
        Map<String, Set<TopicPartition>> assignment = new ConcurrentHashMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).failFast(
                    "the instance in its own JVM died; see " + KILLED_LOG, () -> members == 3 && !killed.isAlive())
                    .until(() -> {
                        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get()
                                .get(GROUP);
                        assignment.clear();
                        for (MemberDescription member : group.members()) {
                            assignment.put(member.clientId().replaceFirst("^scaleout-(\\w+)-.*$", "$1"),
                                    member.assignment().topicPartitions());
                        }
                        return assignment.size() == members && assignment.values().stream().noneMatch(Set::isEmpty)
                                && assignment.values().stream().mapToInt(Set::size).sum() == PARTITIONS;
                    });
        }
        return Map.copyOf(assignment);
    }

    @SuppressWarnings("unchecked")
    private static Stream<String> partitionsInHealth(ConfigurableApplicationContext instance) {
        Map<String, List<String>> partitions = (Map<String, List<String>>) instance
                .getBean("changefeedHealthIndicator", HealthIndicator.class).health().getDetails().get("partitions");
        return partitions.values().stream().flatMap(List::stream);
    }

    private static long newestApplied(JdbcTemplate db, String instance) {
        return db.queryForObject("SELECT COALESCE(MAX(version), 0) FROM APPLY_LOG WHERE instance = ?", Long.class,
                instance);
    }

    private static Set<Placement> survivorsDeliveries(ConfigurableApplicationContext... survivors) {
        Set<Placement> delivered = new HashSet<>();
        for (ConfigurableApplicationContext survivor : survivors) {
            survivor.getBean(StockLevelListener.class).deliveries()
                    .forEach(delivery -> delivered.add(new Placement(delivery.partition(), delivery.offset())));
        }
        return delivered;
    }

    private static String quoted(Set<String> keys) {
        return keys.stream().map(key -> "'" + key + "'").collect(Collectors.joining(", "));
    }

    /** Where a record landed. */
    private record Placement(TopicPartition partition, long offset) {
    }

    /** A change written: the row (warehouse/sku) and its version. */
    private record Written(String key, long version) {
    }

    /**
     * Writes versions 1..{@value #VERSIONS} of {@value #KEYS} stock rows as the CDC bridge would (keyed by the primary
     * key), a round of every key about every 100 ms; the last third only after the kill, so the load goes on after it.
     */
    private final class Load implements Runnable {

        final CountDownLatch killed = new CountDownLatch(1);
        final Map<Placement, Written> written = new ConcurrentHashMap<>();
        volatile int sent;

        @Override
        public void run() {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                    new StringSerializer(), new StringSerializer())) {
                for (int version = 1; version <= VERSIONS; version++) {
                    if (version == VERSIONS * 2 / 3 + 1) {
                        killed.await(60, TimeUnit.SECONDS);
                    }
                    for (int row = 0; row < KEYS; row++) {
                        send(producer, row, version);
                    }
                    producer.flush();
                    sent += KEYS;
                    Thread.sleep(100); // paces the load; nothing is waited for here
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void send(KafkaProducer<String, String> producer, int row, int version) {
            String warehouse = "W" + row % 3;
            String sku = "SKU-" + row;
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("WH_CD", warehouse);
            key.put("SKU", sku);
            Map<String, Object> after = new LinkedHashMap<>(key);
            after.put("VER", version);
            String value = envelope("TB_STOCK", version == 1 ? "c" : "u", null, after);
            producer.send(new ProducerRecord<>(TOPIC, key(key), value), (metadata, failure) -> {
                if (failure == null) {
                    written.put(new Placement(new TopicPartition(TOPIC, metadata.partition()), metadata.offset()),
                            new Written(warehouse + "/" + sku, version));
                }
            });
        }

        /** Every key's partition, checking that each key's records all went to one. */
        Map<String, TopicPartition> partitionOfKey() {
            Map<String, Set<TopicPartition>> partitions = new HashMap<>();
            written.forEach((placement, change) -> partitions.computeIfAbsent(change.key(), k -> new HashSet<>())
                    .add(placement.partition()));
            assertThat(written).hasSize(KEYS * VERSIONS);
            partitions.forEach((key, of) -> assertThat(of).as("partitions of " + key).hasSize(1));
            return partitions.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().iterator().next()));
        }
    }
}
