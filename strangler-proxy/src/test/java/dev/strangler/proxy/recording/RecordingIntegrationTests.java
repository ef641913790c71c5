package dev.strangler.proxy.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.proxy.support.ProxyIntegrationTest;
import dev.strangler.proxy.support.TestBackend.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code recorded} route records (at most 3 exchanges, bodies up to 1 KB, {@code $.password} and
 * {@code $..token} redacted); no other route does.
 */
class RecordingIntegrationTests extends ProxyIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BIG = "{\"blob\":\"" + "x".repeat(2000) + "\"}";

    @Test
    void aRecordingRouteWritesABoundedRedactedSampleOfWhatClientsGotAndOtherRoutesWriteNothing() throws IOException {
        LEGACY.behave(request -> request.path().endsWith("/big") ? Reply.json(BIG)
                : new Reply(200, Map.of("Content-Type", "application/json", "Set-Cookie", "session=s3cr3t"),
                        "{\"id\":7,\"name\":\"Ada\",\"session\":{\"token\":\"t-secret\"}}", 0));

        traffic().post().uri("/api/recorded/members?source=web").header(HttpHeaders.AUTHORIZATION, "Bearer abc123")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Ada\",\"password\":\"hunter2\"}")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.session.token").isEqualTo("t-secret");
        traffic().get().uri("/api/recorded/big").exchange().expectStatus().isOk()
                .expectBody(String.class).isEqualTo(BIG);
        traffic().get().uri("/api/recorded/members/7").exchange().expectStatus().isOk().expectBody();
        traffic().get().uri("/api/recorded/members/8").exchange().expectStatus().isOk().expectBody();
        traffic().get().uri("/api/products/1").exchange().expectStatus().isOk().expectBody();

        Path file = RECORDINGS.resolve("recorded.jsonl");
        await().atMost(Duration.ofSeconds(5)).during(Duration.ofMillis(300))
                .until(() -> Files.exists(file) && Files.readAllLines(file).size() == 3);
        List<JsonNode> lines = Files.readAllLines(file).stream().map(JSON::readTree).toList();
        assertThat(lines).extracting(line -> line.at("/request/path").asString())
                .containsExactlyInAnyOrder("/api/recorded/members?source=web", "/api/recorded/big",
                        "/api/recorded/members/7");

        JsonNode post = line(lines, "/api/recorded/members?source=web");
        assertThat(post.path("route").asString()).isEqualTo("recorded");
        assertThat(post.path("servedBy").asString()).isEqualTo("legacy");
        assertThat(post.at("/request/method").asString()).isEqualTo("POST");
        assertThat(header(post.path("request"), "Authorization")).isEqualTo("[redacted]");
        assertThat(post.at("/request/body").asString()).isEqualTo("{\"name\":\"Ada\",\"password\":\"[redacted]\"}");
        assertThat(post.at("/response/status").asInt()).isEqualTo(200);
        assertThat(header(post.path("response"), "Set-Cookie")).isEqualTo("[redacted]");
        assertThat(header(post.path("response"), "X-Backend")).isEqualTo("legacy");
        assertThat(post.at("/response/body").asString())
                .isEqualTo("{\"id\":7,\"name\":\"Ada\",\"session\":{\"token\":\"[redacted]\"}}");
        assertThat(post.at("/redacted/fields").toString()).isEqualTo("[\"$.password\",\"$..token\"]");
        assertThat(Files.readString(file)).doesNotContain("hunter2").doesNotContain("t-secret")
                .doesNotContain("abc123").doesNotContain("s3cr3t");

        JsonNode big = line(lines, "/api/recorded/big");
        assertThat(big.at("/response/status").asInt()).isEqualTo(200);
        assertThat(big.at("/response/body").isMissingNode()).isTrue();
        assertThat(big.at("/response/bodyOmitted").asString()).isEqualTo("larger than max-body (1024 bytes)");
        assertThat(big.at("/request/body").asString()).isEmpty();

        try (Stream<Path> files = Files.list(RECORDINGS)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("recorded.jsonl");
        }
    }

    /** The JDK's test server spells response headers its own way ({@code Set-cookie}). */
    private static String header(JsonNode message, String name) {
        return message.path("headers").properties().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(header -> header.getValue().get(0).asString()).findFirst().orElse(null);
    }

    private static JsonNode line(List<JsonNode> lines, String path) {
        return lines.stream().filter(line -> line.at("/request/path").asString().equals(path)).findFirst()
                .orElseThrow();
    }
}
