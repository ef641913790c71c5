package dev.strangler.proxy.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.ProxyIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The admin API on the admin port: the token, flips with their audit trail, and bad input left unapplied. */
class AdminApiIntegrationTests extends ProxyIntegrationTest {

    private static final String PROBLEMS = "https://strangler.dev/problems/";

    @Test
    void refusesRequestsWithoutOrWithAWrongTokenButServesHealthOpenly() {
        WebTestClient anonymous = client("http://127.0.0.1:" + ADMIN_PORT);
        anonymous.get().uri("/admin/routes").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"strangler-proxy-admin\"")
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "unauthorized");
        anonymous.get().uri("/admin/routes").header(HttpHeaders.AUTHORIZATION, "Bearer not-the-token").exchange()
                .expectStatus().isUnauthorized()
                .expectBody();
        anonymous.get().uri("/actuator/info").exchange().expectStatus().isUnauthorized()
                .expectBody();
        anonymous.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody();
    }

    @Test
    void listsEveryRouteWithItsModeAndFigures() {
        admin().get().uri("/admin/routes").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].name").isEqualTo("orders")
                .jsonPath("$[0].paths[2]").isEqualTo("/api/members/*/orders")
                .jsonPath("$[0].traffic.legacy").isNumber()
                .jsonPath("$[0].circuit").isNotEmpty()
                .jsonPath("$[13].name").isEqualTo("products")
                .jsonPath("$[13].extractedUri").isEmpty()
                .jsonPath("$[13].mode").isEqualTo("LEGACY");
    }

    @Test
    void aFlipIsAppliedAndAuditedWithWhoWhenFromToAndWhy() {
        flip("members", "LEGACY");
        admin().post().uri("/admin/routes/members/flips")
                .bodyValue(Map.of("mode", "canary", "percent", 12.5, "reason", "ticket MIG-42", "by", "alice"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.mode").isEqualTo("CANARY")
                .jsonPath("$.percent").isEqualTo(12.5)
                .jsonPath("$.lastFlip.by").isEqualTo("kit")
                .jsonPath("$.lastFlip.statedBy").isEqualTo("alice");

        admin().get().uri("/admin/routes/members/flips").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].by").isEqualTo("kit")
                .jsonPath("$[0].statedBy").isEqualTo("alice")
                .jsonPath("$[0].reason").isEqualTo("ticket MIG-42")
                .jsonPath("$[0].fromMode").isEqualTo("LEGACY")
                .jsonPath("$[0].toMode").isEqualTo("CANARY")
                .jsonPath("$[0].toPercent").isEqualTo(12.5)
                .jsonPath("$[0].at").isNotEmpty()
                .jsonPath("$[0].instance").isNotEmpty();
        admin().get().uri("/admin/flips").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].route").isEqualTo("members")
                .jsonPath("$[0].flip.reason").isEqualTo("ticket MIG-42");
    }

    @Test
    void theAuditsByIsTheNameOfTheTokenThatFlipped() {
        flip("members", "LEGACY");

        as(ALICE).post().uri("/admin/routes/members/flips")
                .bodyValue(Map.of("mode", "SHADOW", "reason", "named operator", "by", "someone else")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.mode").isEqualTo("SHADOW")
                .jsonPath("$.lastFlip.by").isEqualTo("alice")
                .jsonPath("$.lastFlip.statedBy").isEqualTo("someone else");
    }

    @Test
    void aViewerReadsButItsFlipIsA403AndAWrongTokensFlipA401WithTheRouteUnchanged() {
        flip("members", "SHADOW");
        long version = version("members");

        as(VIEWER).get().uri("/admin/routes/members").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.mode").isEqualTo("SHADOW");
        as(VIEWER).get().uri("/admin/flips").exchange().expectStatus().isOk().expectBody();
        as(VIEWER).post().uri("/admin/routes/members/flips")
                .bodyValue(Map.of("mode", "EXTRACTED", "reason", "a viewer tries")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "forbidden")
                .jsonPath("$.title").isEqualTo("Forbidden")
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("'dashboard'"));
        as("not-" + TOKEN).post().uri("/admin/routes/members/flips")
                .bodyValue(Map.of("mode", "EXTRACTED", "reason", "a guess")).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"strangler-proxy-admin\"")
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "unauthorized");
        client("http://127.0.0.1:" + ADMIN_PORT).post().uri("/admin/routes/members/flips")
                .bodyValue(Map.of("mode", "EXTRACTED", "reason", "no token")).exchange()
                .expectStatus().isUnauthorized().expectBody();

        assertThat(version("members")).isEqualTo(version);
        admin().get().uri("/admin/routes/members").exchange().expectBody().jsonPath("$.mode").isEqualTo("SHADOW");
    }

    @Test
    void badFlipsGetProblemResponsesAndLeaveTheRouteUnchanged() {
        flip("members", "SHADOW");
        long version = version("members");

        post("members", "{\"mode\":\"SHADOW\",").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request");
        post("members", "{\"mode\":\"SIDEWAYS\",\"reason\":\"r\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "invalid-request")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("SIDEWAYS"));
        post("members", "{\"mode\":\"CANARY\",\"percent\":101,\"reason\":\"r\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "invalid-request")
                .jsonPath("$.errors[0].field").isEqualTo("percent");
        post("members", "{\"mode\":\"CANARY\",\"percent\":-1,\"reason\":\"r\"}").expectStatus().isBadRequest().expectBody();
        post("members", "{\"mode\":\"EXTRACTED\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        post("nowhere", "{\"mode\":\"EXTRACTED\",\"reason\":\"r\"}").expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "route-not-found")
                .jsonPath("$.route").isEqualTo("nowhere");
        post("products", "{\"mode\":\"EXTRACTED\",\"reason\":\"r\"}").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "route-not-extractable");
        admin().get().uri("/admin/routes/nowhere").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "route-not-found");

        assertThat(version("members")).isEqualTo(version);
        admin().get().uri("/admin/routes/members").exchange().expectBody().jsonPath("$.mode").isEqualTo("SHADOW");
        admin().get().uri("/admin/routes/products").exchange().expectBody().jsonPath("$.mode").isEqualTo("LEGACY");
    }

    @Test
    void whoamiNamesTheTokenAndItsRole() {
        as(VIEWER).get().uri("/admin/whoami").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("dashboard").jsonPath("$.role").isEqualTo("VIEWER");
        as(ALICE).get().uri("/admin/whoami").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("alice").jsonPath("$.role").isEqualTo("OPERATOR");
        as("not-" + TOKEN).get().uri("/admin/whoami").exchange().expectStatus().isUnauthorized().expectBody();
    }

    @Test
    void anIgnoredPathIsAddedWithoutChangingModeOrHoldAndIsAudited() {
        flip("members", "SHADOW");
        admin().post().uri("/admin/routes/members/flips")
                .bodyValue(Map.of("ignorePath", "$.lastSeen", "reason", "differs between two monolith answers"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.mode").isEqualTo("SHADOW")
                .jsonPath("$.ignoredPaths").value(paths -> assertThat(String.valueOf(paths)).contains("$.lastSeen"))
                .jsonPath("$.lastFlip.reason").isEqualTo("ignore $.lastSeen in the shadow comparison: "
                        + "differs between two monolith answers")
                .jsonPath("$.lastFlip.toMode").isEqualTo("SHADOW");
        long version = version("members");

        post("members", "{\"ignorePath\":\"header:Date\",\"reason\":\"r\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "invalid-request");
        post("members", "{\"ignorePath\":\"$.x\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        post("products", "{\"ignorePath\":\"$.x\",\"reason\":\"r\"}").expectStatus().isEqualTo(409).expectBody();
        assertThat(version("members")).isEqualTo(version);
    }

    @Test
    void theAdminApiIsNotServedOnTheTrafficPortEvenWithTheToken() {
        traffic().get().uri("/admin/routes").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Backend", "legacy")
                .expectBody().jsonPath("$.path").isEqualTo("/admin/routes");
        traffic().post().uri("/admin/routes/members/flips").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"mode\":\"EXTRACTED\",\"reason\":\"r\"}")
                .exchange()
                .expectHeader().valueEquals("X-Backend", "legacy")
                .expectBody();
        assertThat(LEGACY.received()).hasSize(2);
    }

    private static final String ALICE = "it-alice-operator-0123456789";
    private static final String VIEWER = "it-dashboard-viewer-0123456789";

    private WebTestClient as(String token) {
        return client("http://127.0.0.1:" + ADMIN_PORT).mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    private WebTestClient.ResponseSpec post(String route, String json) {
        return admin().post().uri("/admin/routes/{name}/flips", route).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json).exchange();
    }

    private long version(String route) {
        Map<?, ?> view = admin().get().uri("/admin/routes/{name}", route).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) view.get("version")).longValue();
    }
}
