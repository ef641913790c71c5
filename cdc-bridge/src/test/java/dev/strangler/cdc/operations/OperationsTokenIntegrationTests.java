package dev.strangler.cdc.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.cdc.CdcBridgeApplicationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** The operations API behind the control tokens: who may read, who may change, and the audit's name. */
class OperationsTokenIntegrationTests extends CdcBridgeApplicationTest {

    private static final String PROBLEMS = "https://strangler.dev/problems/";

    @Test
    void withoutAValidTokenEveryCallIsA401ProblemAndNothingChanges() {
        boolean pausedBefore = status().path("paused").asBoolean();
        JsonNode reverseBefore = reverse();

        ResponseEntity<String> noToken = exchange(anonymous().post().uri("/cdc/pause"));
        ResponseEntity<String> wrongToken = exchange(as("not-" + OPERATOR_TOKEN).put().uri("/cdc/reverse")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("enabled", true, "reason", "a guess")));
        ResponseEntity<String> noTokenRead = exchange(anonymous().get().uri("/cdc/status"));

        for (ResponseEntity<String> refused : new ResponseEntity[] {noToken, wrongToken, noTokenRead}) {
            assertThat(refused.getStatusCode().value()).isEqualTo(401);
            assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(refused.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                    .isEqualTo("Bearer realm=\"cdc-bridge-operations\"");
            JsonNode problem = JSON.readTree(refused.getBody());
            assertThat(problem.path("type").asString()).isEqualTo(PROBLEMS + "unauthorized");
            assertThat(problem.path("title").asString()).isEqualTo("Unauthorized");
            assertThat(problem.path("status").asInt()).isEqualTo(401);
            assertThat(problem.path("detail").asString()).contains("Authorization: Bearer");
        }
        assertThat(status().path("paused").asBoolean()).isEqualTo(pausedBefore);
        JsonNode reverseAfter = reverse();
        for (String field : new String[] {"enabled", "reason", "changedBy", "changedAt"}) {
            assertThat(reverseAfter.path(field)).as(field).isEqualTo(reverseBefore.path(field));
        }
    }

    @Test
    void aViewerReadsButItsWritesAreA403AndNothingChanges() {
        ResponseEntity<String> read = exchange(as(VIEWER_TOKEN).get().uri("/cdc/status"));
        ResponseEntity<String> reverseRead = exchange(as(VIEWER_TOKEN).get().uri("/cdc/reverse"));
        ResponseEntity<String> pause = exchange(as(VIEWER_TOKEN).post().uri("/cdc/pause"));

        assertThat(read.getStatusCode().value()).isEqualTo(200);
        assertThat(JSON.readTree(read.getBody()).path("paused").asBoolean()).isFalse();
        assertThat(reverseRead.getStatusCode().value()).isEqualTo(200);
        assertThat(pause.getStatusCode().value()).isEqualTo(403);
        assertThat(pause.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = JSON.readTree(pause.getBody());
        assertThat(problem.path("type").asString()).isEqualTo(PROBLEMS + "forbidden");
        assertThat(problem.path("title").asString()).isEqualTo("Forbidden");
        assertThat(problem.path("detail").asString()).contains("'dashboard'").contains("operator");
        assertThat(status().path("paused").asBoolean()).as("the viewer's pause changed nothing").isFalse();
    }

    @Test
    void theAuditNamesTheTokenThatPausedAndSwitched() {
        try {
            JsonNode paused = JSON.readTree(as(ALICE_TOKEN).post().uri("/cdc/pause").retrieve().body(String.class));
            assertThat(paused.path("paused").asBoolean()).isTrue();
            assertThat(paused.path("pausedBy").asString()).isEqualTo("alice");
        } finally {
            http().post().uri("/cdc/resume").retrieve().toBodilessEntity();
        }
        assertThat(status().path("pausedBy").isString()).as("no one has it paused").isFalse();

        JsonNode switched = JSON.readTree(as(ALICE_TOKEN).put().uri("/cdc/reverse")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("enabled", reverse().path("enabled").asBoolean(), "reason", "audit test"))
                .retrieve().body(String.class));
        assertThat(switched.path("changedBy").asString()).isEqualTo("alice");
        assertThat(switched.path("reason").asString()).isEqualTo("audit test");
    }

    @Test
    void healthNeedsNoToken() {
        assertThat(exchange(anonymous().get().uri("/actuator/health")).getStatusCode().value()).isEqualTo(200);
    }

    private RestClient as(String token) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    private static ResponseEntity<String> exchange(RestClient.RequestHeadersSpec<?> request) {
        return request.retrieve().onStatus(HttpStatusCode::isError, (req, response) -> { }).toEntity(String.class);
    }

    private JsonNode status() {
        return JSON.readTree(http().get().uri("/cdc/status").retrieve().body(String.class));
    }

    private JsonNode reverse() {
        return JSON.readTree(http().get().uri("/cdc/reverse").retrieve().body(String.class));
    }
}
