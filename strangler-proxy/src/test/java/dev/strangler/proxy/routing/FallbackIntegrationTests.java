package dev.strangler.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.ProxyIntegrationTest;
import dev.strangler.proxy.support.TestBackend.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * EXTRACTED with a failing service: safe methods fall back to the monolith, unsafe ones get a 503 problem (or the
 * service's own 5xx) and are never sent twice; a route without fallback never falls back; the circuit opens.
 */
class FallbackIntegrationTests extends ProxyIntegrationTest {

    @Test
    void aSafeRequestFallsBackToTheMonolithWhenTheServiceAnswers5xx() {
        flip("members", "EXTRACTED");
        MEMBERS.behave(request -> Reply.status(500));

        traffic().get().uri("/api/members/1").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Backend", "legacy")
                .expectHeader().valueEquals("X-Served-By", "legacy")
                .expectBody();
        assertThat(MEMBERS.received()).hasSize(1);
        assertThat(LEGACY.received()).hasSize(1);
    }

    @Test
    void aSafeRequestFallsBackWhenTheServiceIsSlowerThanTheTimeout() {
        flip("members", "EXTRACTED");
        MEMBERS.behave(request -> Reply.ok().delayed(1500));

        traffic().get().uri("/api/members/2").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Backend", "legacy")
                .expectBody();
    }

    @Test
    void anUnsafeRequestGetsTheServicesOwn5xxAndIsNotSentTwice() {
        flip("members", "EXTRACTED");
        MEMBERS.behave(request -> new Reply(500, java.util.Map.of(), "{\"error\":\"boom\"}", 0));

        traffic().post().uri("/api/members").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"A\"}")
                .exchange()
                .expectStatus().isEqualTo(500)
                .expectHeader().valueEquals("X-Backend", "members")
                .expectBody().jsonPath("$.error").isEqualTo("boom");
        assertThat(MEMBERS.received()).hasSize(1);
        assertThat(LEGACY.received()).isEmpty();
    }

    @Test
    void anUnsafeRequestThatTimesOutGetsA503ProblemAndIsNeverResent() {
        flip("members", "EXTRACTED");
        MEMBERS.behave(request -> Reply.ok().delayed(1500));

        traffic().put().uri("/api/members/3").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"B\"}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://strangler.dev/problems/extracted-service-unavailable")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.route").isEqualTo("members");
        assertThat(MEMBERS.received()).hasSize(1);
        assertThat(LEGACY.received()).isEmpty();
    }

    @Test
    void aRouteWithoutFallbackAnswers503EvenForReads() {
        flip("strict", "EXTRACTED");
        MEMBERS.behave(request -> Reply.ok().delayed(1500));

        traffic().get().uri("/api/strict/1").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.type")
                .isEqualTo("https://strangler.dev/problems/extracted-service-unavailable");
        assertThat(LEGACY.received()).isEmpty();
    }

    @Test
    void theCircuitOpensAfterFailuresAndThenReadsGoStraightToTheMonolith() {
        flip("breaker", "EXTRACTED");
        MEMBERS.behave(request -> Reply.status(503));
        for (int i = 0; i < 4; i++) {
            assertThat(sideOf("/api/breaker/" + i)).isEqualTo("legacy");
        }
        int callsWhenOpened = MEMBERS.received().size();

        for (int i = 0; i < 5; i++) {
            assertThat(sideOf("/api/breaker/x" + i)).isEqualTo("legacy");
        }
        assertThat(callsWhenOpened).isEqualTo(4);
        assertThat(MEMBERS.received()).hasSize(callsWhenOpened);
        admin().get().uri("/admin/routes/breaker").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.circuit").isEqualTo("OPEN")
                .jsonPath("$.traffic.fallbacks").isEqualTo(9);
    }
}
