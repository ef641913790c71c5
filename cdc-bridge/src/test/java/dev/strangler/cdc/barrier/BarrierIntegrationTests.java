package dev.strangler.cdc.barrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.cdc.CdcBridgeApplicationTest;
import dev.strangler.cdc.LegacySchema;
import dev.strangler.infra.InfraSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * Barriers on the real binlog and broker: complete once every consumer group of the configured prefixes has
 * committed past everything committed before the barrier, and not before.
 */
class BarrierIntegrationTests extends CdcBridgeApplicationTest {

    private final InfraSettings infra = LegacySchema.ensure();

    @Test
    void waitsForAGroupThatHasNotAppliedAChangeCommittedBeforeIt() throws Exception {
        String group = "extracted-member-service.barrier-test-" + UUID.randomUUID();
        AtomicLong commitsAsked = new AtomicLong(1);
        AtomicLong commitsDone = new AtomicLong();
        AtomicLong consumed = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread consumer = new Thread(() -> consume(group, commitsAsked, commitsDone, consumed, running),
                "barrier-test-consumer");
        consumer.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> commitsDone.get() == 1);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                ResponseEntity<String> response = barrier();
                return response.getStatusCode().value() == 200
                        && barrierBody(response).path("groups").toString().contains(group);
            });

            try (Connection connection = DriverManager.getConnection(infra.jdbcUrl(infra.legacy().database()),
                    infra.legacy().user(), infra.legacy().password()); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO TB_PRODUCT (PRD_NM, UNIT_PRC, STOCK_QTY) VALUES ('Barrier', 1.00, 1)");
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> consumed.get() > 0);

            ResponseEntity<String> incomplete = barrier("1s");
            assertThat(incomplete.getStatusCode().value()).isEqualTo(504);
            assertThat(incomplete.getHeaders().getContentType()).hasToString("application/problem+json");
            JsonNode problem = JSON.readTree(incomplete.getBody());
            assertThat(problem.path("type").asString()).isEqualTo("https://strangler.dev/problems/barrier-incomplete");
            assertThat(problem.path("lagging").path(group).asString()).contains("legacy.product-0", "behind");

            commitsAsked.incrementAndGet();
            await().atMost(Duration.ofSeconds(30)).until(() -> commitsDone.get() == 2);
            ResponseEntity<String> complete = await().atMost(Duration.ofSeconds(30))
                    .until(this::barrier, response -> response.getStatusCode().value() == 200);
            JsonNode barrier = barrierBody(complete);
            assertThat(barrier.path("complete").asBoolean()).isTrue();
            assertThat(barrier.path("groups").toString()).contains(group);
        } finally {
            running.set(false);
            consumer.join(10_000);
        }
    }

    private ResponseEntity<String> barrier() {
        return barrier("5s");
    }

    private ResponseEntity<String> barrier(String wait) {
        return http().post().uri("/cdc/barriers?wait=" + wait).retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> { }).toEntity(String.class);
    }

    private static JsonNode barrierBody(ResponseEntity<String> response) {
        return JSON.readTree(response.getBody());
    }

    /** A consumer of legacy.product in a group the barrier waits for, committing only when asked to. */
    private void consume(String group, AtomicLong commitsAsked, AtomicLong commitsDone, AtomicLong consumed,
                         AtomicBoolean running) {
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new StringDeserializer())) {
            kafka.subscribe(List.of("legacy.product"));
            while (running.get()) {
                consumed.addAndGet(kafka.poll(Duration.ofMillis(100)).count());
                if (commitsDone.get() < commitsAsked.get() && !kafka.assignment().isEmpty()) {
                    kafka.commitSync(kafka.assignment().stream().collect(java.util.stream.Collectors.toMap(
                            partition -> partition, partition -> new org.apache.kafka.clients.consumer.OffsetAndMetadata(
                                    kafka.position(partition)))));
                    commitsDone.incrementAndGet();
                }
            }
        }
    }
}
