package dev.strangler.proxy.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.proxy.support.ProxyIntegrationTest;
import dev.strangler.proxy.support.TestBackend;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Writes held for a write cut-over: they wait (nothing is sent anywhere) until the next flip, then go where that
 * flip points; reads are not held; a write held too long gets a 503 it may retry; a hold answers once the writes in
 * flight are done.
 */
class WriteHoldIntegrationTests extends ProxyIntegrationTest {

    @Test
    void aHeldWriteWaitsAndGoesToTheSideTheReleasingFlipChose() {
        flip("held", "LEGACY");
        hold("held");

        AtomicReference<EntityExchangeResult<String>> write = new AtomicReference<>();
        Mono.fromRunnable(() -> write.set(post("/api/held/1"))).subscribeOn(Schedulers.boundedElastic()).subscribe();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> received(LEGACY).isEmpty() && received(MEMBERS).isEmpty());
        assertThat(sideOf("/api/held/1")).as("reads are not held").isEqualTo("legacy");

        flip("held", "EXTRACTED");

        await().atMost(Duration.ofSeconds(5)).until(() -> write.get() != null);
        assertThat(write.get().getStatus().value()).isEqualTo(200);
        assertThat(write.get().getResponseHeaders().getFirst("X-Backend")).isEqualTo("members");
        assertThat(received(LEGACY)).extracting(TestBackend.Received::method).containsOnly("GET");
        admin().get().uri("/admin/routes/held").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.writesHeld").doesNotExist()
                .jsonPath("$.holds.held").isEqualTo(1)
                .jsonPath("$.holds.maxMs").value(max -> assertThat(((Number) max).doubleValue()).isPositive());
    }

    @Test
    void aWriteHeldLongerThanMaxWaitIsRefusedWithoutBeingSentAnywhere() {
        flip("held", "LEGACY");
        hold("held");
        try {
            traffic().put().uri("/api/held/2").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals("Retry-After", "1")
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://strangler.dev/problems/writes-held")
                    .jsonPath("$.route").isEqualTo("held")
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("safe to retry"));
            assertThat(received(LEGACY)).isEmpty();
            assertThat(received(MEMBERS)).isEmpty();
        } finally {
            flip("held", "LEGACY");
        }
        assertThat(post("/api/held/3").getResponseHeaders().getFirst("X-Backend")).isEqualTo("legacy");
    }

    @Test
    void holdingAnswersOnceTheWritesAlreadyInFlightHaveFinished() {
        flip("held", "LEGACY");
        LEGACY.behave(request -> TestBackend.Reply.ok().delayed(800));
        AtomicReference<EntityExchangeResult<String>> slow = new AtomicReference<>();
        Mono.fromRunnable(() -> slow.set(post("/api/held/4"))).subscribeOn(Schedulers.boundedElastic()).subscribe();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                .until(() -> !received(LEGACY).isEmpty());
        long inFlightSince = System.nanoTime();

        hold("held");

        // The backend answers 800 ms after it took the write; the hold answers once the proxy has passed that
        // answer on. (The client's own thread may see the answer a moment after the hold's caller does.)
        assertThat(Duration.ofNanos(System.nanoTime() - inFlightSince)).as("the hold waited for the write in flight")
                .isGreaterThan(Duration.ofMillis(600));
        await().atMost(Duration.ofSeconds(5)).until(() -> slow.get() != null);
        assertThat(slow.get().getStatus().value()).isEqualTo(200);
        flip("held", "LEGACY");
    }

    /** What a backend received on this test's route (mirrors of other tests may still be arriving). */
    private static java.util.List<TestBackend.Received> received(TestBackend backend) {
        return backend.received().stream().filter(request -> request.path().startsWith("/api/held/")).toList();
    }

    private void hold(String route) {
        admin().post().uri("/admin/routes/{name}/flips", route)
                .bodyValue(Map.of("holdWrites", true, "reason", "cut-over test", "by", "tests")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.writesHeld.reason").isEqualTo("cut-over test")
                .jsonPath("$.lastFlip.holdWrites").isEqualTo(true);
    }

    private EntityExchangeResult<String> post(String path) {
        return traffic().post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectBody(String.class).returnResult();
    }
}
