package dev.strangler.proxy;

import dev.strangler.proxy.support.ProxyIntegrationTest;
import org.junit.jupiter.api.Test;

/** The proxy in front of a real HTTP backend standing in for the monolith, over real sockets. */
class LegacyPassthroughIntegrationTests extends ProxyIntegrationTest {

    @Test
    void passesRequestsThatNoMigrationRouteServesThroughToTheMonolith() {
        traffic().get().uri("/anything/else?q=1").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Backend", "legacy")
                .expectBody().jsonPath("$.path").isEqualTo("/anything/else?q=1");
    }

    @Test
    void servesHealthOnTheAdminPortWithoutTokenAndNeverOnTheTrafficPort() {
        client("http://127.0.0.1:" + ADMIN_PORT).get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        // On the traffic port the path is just another path of the monolith.
        traffic().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Backend", "legacy")
                .expectBody();
    }
}
