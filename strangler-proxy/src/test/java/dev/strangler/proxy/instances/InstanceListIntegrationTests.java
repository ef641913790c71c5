package dev.strangler.proxy.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.proxy.support.ProxyIntegrationTest;
import dev.strangler.proxy.support.TestBackend;
import dev.strangler.proxy.support.TestBackend.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;

/**
 * Sides of several instances: a static list taken in turn, a refusing instance skipped even by writes (nothing
 * reached it), a discovered service whose health checks take an instance out and back in, and a discovered service
 * with no instance, which falls back to the monolith like one URL that is down.
 */
class InstanceListIntegrationTests extends ProxyIntegrationTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void aStaticListTakesItsInstancesInTurn() {
        flip("listed", "EXTRACTED");

        for (int i = 0; i < 10; i++) {
            traffic().get().uri("/api/listed/{i}", i).exchange().expectStatus().isOk();
        }

        assertThat(apiRequests(LIST_A, "/api/listed")).hasSize(5);
        assertThat(apiRequests(LIST_B, "/api/listed")).hasSize(5);
    }

    @Test
    void aWriteGoesToTheNextInstanceWhenOneRefusesTheConnection() {
        // The monolith's side is [an instance nobody listens on, list-a]: of two requests in a row one is sent to the
        // refusing instance first (round robin), unless it was already passed over for refusing.
        flip("listed", "LEGACY");

        for (int i = 0; i < 4; i++) {
            traffic().post().uri("/api/listed/orders").header("X-Request-Id", "listed-write-" + i)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"n\":" + i + "}").exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("X-Backend", "list-a");
        }
        traffic().get().uri("/api/listed/orders/1").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Backend", "list-a");

        assertThat(apiRequests(LIST_A, "/api/listed").stream().filter(r -> r.method().equals("POST"))
                .map(r -> r.header("X-Request-Id")))
                .containsExactly("listed-write-0", "listed-write-1", "listed-write-2", "listed-write-3");
    }

    @Test
    void theHealthChecksTakeAnInstanceThatReportsDownOutAndBackIn() {
        flip("checked", "EXTRACTED");
        LIST_B.behave(request -> request.path().equals("/health") ? Reply.status(503) : Reply.ok());

        // A health check slower than its interval (a busy machine) can leave no instance for a moment: try again.
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> servedBy("/api/checked/1", 6).equals(List.of("list-a")));

        LIST_B.reset();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> servedBy("/api/checked/2", 6).contains("list-b"));
    }

    @Test
    void aSideWithNoInstanceFallsBackLikeOneUrlThatIsDown() {
        flip("vanished", "EXTRACTED");

        assertThat(sideOf("/api/vanished/1")).isEqualTo("legacy");
        traffic().post().uri("/api/vanished").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.type")
                .isEqualTo("https://strangler.dev/problems/extracted-service-unavailable");
        assertThat(LEGACY.received()).hasSize(1);
    }

    @Test
    void routesOfOneUrlPassNoLoadBalancerFilter() {
        // The proxy balances pooled sides itself; the gateway's filter would be one more step on every request.
        assertThat(context.getBeansOfType(ReactiveLoadBalancerClientFilter.class)).isEmpty();
    }

    /** The distinct backends that answered {@code times} GETs of a path. */
    private List<String> servedBy(String path, int times) {
        List<String> backends = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            String backend = sideOf(path);
            if (!backends.contains(backend)) {
                backends.add(backend);
            }
        }
        return backends;
    }

    private static List<TestBackend.Received> apiRequests(TestBackend backend, String prefix) {
        return backend.received().stream().filter(request -> request.path().startsWith(prefix)).toList();
    }
}
