package dev.strangler.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.infra.InfraSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** The whole application, configured only through its properties, against the real database and broker. */
class CdcBridgeIntegrationTests extends CdcBridgeApplicationTest {

    @Test
    void reportsHealthAndStatusOverHttp() {
        String health = http().get().uri("/actuator/health").retrieve().body(String.class);
        JsonNode status = JSON.readTree(http().get().uri("/cdc/status").retrieve().body(String.class));

        assertThat(health).contains("\"status\":\"UP\"");
        assertThat(status.path("running").asBoolean()).isTrue();
        assertThat(status.path("tables").findValuesAsString("topic"))
                .containsExactly("legacy.member", "legacy.product", "legacy.order", "legacy.order-item");
    }

    @Test
    void pausingHoldsChangesBackAndResumingDeliversThem() throws Exception {
        InfraSettings infra = LegacySchema.ensure();
        String table = infra.legacy().database() + ".TB_PRODUCT";
        await().atMost(Duration.ofSeconds(60)).until(() -> status().path("lastEventAgeMillis").asLong() >= 0
                || productEvents(table) >= 0);
        http().post().uri("/cdc/pause").retrieve().toBodilessEntity();
        long before = productEvents(table);

        execute(infra, "INSERT INTO TB_PRODUCT (PRD_NM, UNIT_PRC, STOCK_QTY) VALUES ('Paused Product', 10.00, 5)");

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> productEvents(table) == before);
        assertThat(status().path("paused").asBoolean()).isTrue();
        http().post().uri("/cdc/resume").retrieve().toBodilessEntity();
        await().atMost(Duration.ofSeconds(30)).until(() -> productEvents(table) > before);
    }

    @Test
    void reSnapshotsChosenKeysOfOneTable() throws Exception {
        InfraSettings infra = LegacySchema.ensure();
        long product = insertProduct(infra);
        try (TopicReader reader = new TopicReader(infra.kafkaBootstrapServers(), "legacy.product")) {
            ResponseEntity<String> accepted = http().post().uri("/cdc/snapshots").contentType(MediaType.APPLICATION_JSON)
                    .body("{\"table\":\"" + infra.legacy().database() + ".TB_PRODUCT\",\"keys\":[" + product + "]}")
                    .retrieve().toEntity(String.class);
            assertThat(accepted.getStatusCode().value()).isEqualTo(202);

            await().atMost(Duration.ofSeconds(60)).until(() -> reader.poll().stream()
                    .filter(r -> r.value() != null)
                    .map(r -> JSON.readTree(r.value()))
                    .anyMatch(e -> e.path("op").asString().equals("r")
                            && e.path("source").path("snapshot").asString().equals("incremental")
                            && e.path("after").path("PRD_NO").asLong() == product));
        }
    }

    @Test
    void answersBadRequestsWithProblemDetails() {
        ResponseEntity<String> unknown = http().post().uri("/cdc/snapshots").contentType(MediaType.APPLICATION_JSON)
                .body("{\"table\":\"legacy_db.TB_NOPE\"}").retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> { }).toEntity(String.class);
        ResponseEntity<String> malformed = http().post().uri("/cdc/snapshots").contentType(MediaType.APPLICATION_JSON)
                .body("{\"table\":").retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> { }).toEntity(String.class);

        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(JSON.readTree(unknown.getBody()).path("type").asString())
                .isEqualTo("https://strangler.dev/problems/unknown-table");
        assertThat(JSON.readTree(unknown.getBody()).path("detail").asString()).contains("legacy_db.TB_NOPE");
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        assertThat(malformed.getBody()).doesNotContain("Exception").contains("\"status\":400");
    }

    private JsonNode status() {
        return JSON.readTree(http().get().uri("/cdc/status").retrieve().body(String.class));
    }

    private long productEvents(String table) {
        for (JsonNode row : status().path("tables")) {
            if (row.path("table").asString().equals(table)) {
                return row.path("events").asLong();
            }
        }
        return 0;
    }

    private static long insertProduct(InfraSettings infra) throws Exception {
        try (Connection connection = DriverManager.getConnection(infra.jdbcUrl(infra.legacy().database()),
                infra.legacy().user(), infra.legacy().password());
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO TB_PRODUCT (PRD_NM, UNIT_PRC, STOCK_QTY) VALUES ('Snap Me', 3.50, 7)",
                    Statement.RETURN_GENERATED_KEYS);
            try (var keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void execute(InfraSettings infra, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(infra.jdbcUrl(infra.legacy().database()),
                infra.legacy().user(), infra.legacy().password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
