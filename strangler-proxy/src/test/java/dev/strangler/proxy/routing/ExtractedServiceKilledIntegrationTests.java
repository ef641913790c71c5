package dev.strangler.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.ProxyIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The extracted service dies while its read route is EXTRACTED: reads keep succeeding from the monolith. */
class ExtractedServiceKilledIntegrationTests extends ProxyIntegrationTest {

    @Test
    void readsFallBackToTheMonolithWhenTheExtractedServiceIsStopped() {
        flip("inventory", "EXTRACTED");
        assertThat(sideOf("/api/inventory/1")).isEqualTo("doomed");

        DOOMED.close();

        for (int i = 0; i < 30; i++) {
            assertThat(sideOf("/api/inventory/" + i)).isEqualTo("legacy");
        }
        traffic().post().uri("/api/inventory").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.type")
                .isEqualTo("https://strangler.dev/problems/extracted-service-unavailable");
        assertThat(LEGACY.received()).hasSize(30);
    }
}
