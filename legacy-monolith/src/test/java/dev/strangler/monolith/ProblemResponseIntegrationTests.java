package dev.strangler.monolith;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** Errors are RFC 9457 problem bodies with stable types, field errors for invalid input, and no internals. */
class ProblemResponseIntegrationTests extends MonolithIntegrationTest {

    @Test
    void anUnknownMemberIsANotFoundProblem() {
        ResponseEntity<JsonNode> response = http().get().uri("/api/members/{id}", Long.MAX_VALUE).retrieve()
                .toEntity(JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = response.getBody();
        assertThat(problem.get("type").asString()).isEqualTo("https://strangler.dev/problems/not-found");
        assertThat(problem.get("title").asString()).isEqualTo("Resource not found");
        assertThat(problem.get("status").intValue()).isEqualTo(404);
        assertThat(problem.get("detail").asString()).isEqualTo("Member " + Long.MAX_VALUE + " was not found");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/members/" + Long.MAX_VALUE);
        assertThat(problem.has("trace")).isFalse();
    }

    @Test
    void invalidFieldsAreListedByNameInABadRequestProblem() {
        ResponseEntity<JsonNode> response = http().post().uri("/api/members")
                .body(Map.of("loginId", "AB", "name", "", "email", "not-an-email", "grade", "PLATINUM"))
                .retrieve().toEntity(JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        JsonNode problem = response.getBody();
        assertThat(problem.get("type").asString()).isEqualTo("https://strangler.dev/problems/invalid-request");
        assertThat(problem.get("title").asString()).isEqualTo("Invalid request");
        assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString()).distinct())
                .containsExactly("email", "grade", "loginId", "name");
        assertThat(problem.get("errors").valueStream().filter(e -> e.get("field").asString().equals("grade"))
                .map(e -> e.get("message").asString()))
                .containsExactly("must be one of BRONZE, SILVER, GOLD, VIP");
    }

    @Test
    void malformedJsonIsABadRequestProblemWithoutParserInternals() {
        ResponseEntity<JsonNode> response = http().post().uri("/api/orders")
                .contentType(MediaType.APPLICATION_JSON).body("{\"memberId\": 1, \"items\": [")
                .retrieve().toEntity(JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        JsonNode problem = response.getBody();
        assertThat(problem.get("type").asString()).isEqualTo("https://strangler.dev/problems/malformed-request");
        assertThat(problem.get("detail").asString()).doesNotContain("jackson", "line:", "Exception");
    }

    @Test
    void aNonNumericIdIsAFieldErrorAndAnUnknownPathIsNotFound() {
        JsonNode typeMismatch = http().get().uri("/api/orders/abc").retrieve().body(JsonNode.class);
        JsonNode unknownPath = http().get().uri("/api/nothing-here").retrieve().body(JsonNode.class);

        assertThat(typeMismatch.get("errors").get(0).get("field").asString()).isEqualTo("id");
        assertThat(typeMismatch.get("errors").get(0).get("message").asString()).isEqualTo("must be a number");
        assertThat(unknownPath.get("type").asString()).isEqualTo("https://strangler.dev/problems/not-found");
    }

    @Test
    void anOutOfRangePageSizeIsAFieldErrorOnTheParameter() {
        JsonNode problem = http().get().uri("/api/members?size=1000").retrieve().body(JsonNode.class);

        assertThat(problem.get("status").intValue()).isEqualTo(400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("size");
    }
}
