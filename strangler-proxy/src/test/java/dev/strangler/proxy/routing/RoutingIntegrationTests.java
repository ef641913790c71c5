package dev.strangler.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.ProxyIntegrationTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** LEGACY, EXTRACTED and CANARY routing against real backends, each answer stamped with the side that served. */
class RoutingIntegrationTests extends ProxyIntegrationTest {

    @Test
    void legacyModeSendsEverythingToTheMonolithAndExtractedModeToTheService() {
        flip("members", "LEGACY");
        assertThat(sideOf("/api/members/7")).isEqualTo("legacy");
        assertThat(MEMBERS.received()).isEmpty();
        LEGACY.reset();

        flip("members", "EXTRACTED");
        traffic().get().uri("/api/members/7?expand=true").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Backend", "members")
                .expectHeader().valueEquals("X-Served-By", "extracted")
                .expectBody().jsonPath("$.path").isEqualTo("/api/members/7?expand=true");
        assertThat(LEGACY.received()).isEmpty();
    }

    @Test
    void theFirstMatchingRowServesSoAMembersOrdersBelongToTheOrdersRoute() {
        flip("members", "EXTRACTED");
        flip("orders", "EXTRACTED");

        assertThat(sideOf("/api/members/7/orders")).isEqualTo("orders");
        assertThat(sideOf("/api/members/7")).isEqualTo("members");
        assertThat(sideOf("/api/orders/3")).isEqualTo("orders");
        assertThat(sideOf("/api/products/1")).isEqualTo("legacy");
    }

    @Test
    void aRouteWithHeaderPredicatesServesOnlyRequestsThatCarryThem() {
        flip("reports-v2", "EXTRACTED");

        assertThat(side("/api/reports/1", "X-Api-Version", "2.1", "X-Tenant", "acme")).isEqualTo("orders");
        assertThat(side("/api/reports/1", "X-Api-Version", "2", "X-Tenant", "globex")).as("present, any value")
                .isEqualTo("orders");
        assertThat(side("/api/reports/1", "X-Api-Version", "1", "X-Tenant", "acme")).isEqualTo("legacy");
        assertThat(side("/api/reports/1", "X-Api-Version", "2.1", "X-Other", "acme")).as("no tenant")
                .isEqualTo("legacy");
    }

    private String side(String path, String header, String value, String otherHeader, String otherValue) {
        return traffic().get().uri(path).header(header, value).header(otherHeader, otherValue).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseHeaders()
                .getFirst("X-Backend");
    }

    @Test
    void canarySendsAStickyShareOfKeysByTheirBucketAndRaisingItOnlyMovesKeysToExtracted() {
        flip("members", "CANARY", 30.0);
        List<Integer> ids = IntStream.rangeClosed(1, 120).boxed().toList();
        Set<Integer> extractedAt30 = extractedIds(ids);
        // Ask again: one member always lands on the same side.
        assertThat(extractedIds(ids)).isEqualTo(extractedAt30);
        // Exactly the keys whose bucket is below 30 × 100, as any other instance would compute it.
        assertThat(extractedAt30).isEqualTo(expectedExtracted(ids, 3000));
        assertThat(extractedAt30.size()).isBetween(20, 55);

        flip("members", "CANARY", 60.0);
        Set<Integer> extractedAt60 = extractedIds(ids);
        assertThat(extractedAt60).containsAll(extractedAt30).isEqualTo(expectedExtracted(ids, 6000));
        assertThat(extractedAt60.size()).isGreaterThan(extractedAt30.size());
    }

    @Test
    void canaryKeysAWriteByAJsonFieldSoAMembersReadsAndWritesLandOnOneSide() {
        flip("orders", "CANARY", 50.0);
        for (int member = 1; member <= 20; member++) {
            String readSide = sideOf("/api/members/" + member + "/orders");
            String writeSide = traffic().post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"memberId\":" + member + ",\"items\":[]}").exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseHeaders().getFirst("X-Backend");
            String expected = StickyBucket.of(Integer.toString(member)) < 5000 ? "orders" : "legacy";
            assertThat(readSide).as("member %d read", member).isEqualTo(expected);
            assertThat(writeSide).as("member %d write", member).isEqualTo(expected);
        }
        // The body reached the side that served it unchanged.
        assertThat(ORDERS.received()).filteredOn(r -> r.method().equals("POST"))
                .allSatisfy(r -> assertThat(r.body()).startsWith("{\"memberId\":"));
    }

    @Test
    void canaryAtZeroAndHundredPercentIsAllLegacyAndAllExtracted() {
        flip("members", "CANARY", 0.0);
        assertThat(extractedIds(List.of(1, 2, 3, 4, 5))).isEmpty();
        flip("members", "CANARY", 100.0);
        assertThat(extractedIds(List.of(1, 2, 3, 4, 5))).containsExactly(1, 2, 3, 4, 5);
    }

    private Set<Integer> extractedIds(List<Integer> ids) {
        Set<Integer> extracted = new HashSet<>();
        for (int id : ids) {
            if (sideOf("/api/members/" + id).equals("members")) {
                extracted.add(id);
            }
        }
        return extracted;
    }

    private static Set<Integer> expectedExtracted(List<Integer> ids, int threshold) {
        List<Integer> expected = new ArrayList<>();
        for (int id : ids) {
            if (StickyBucket.of(Integer.toString(id)) < threshold) {
                expected.add(id);
            }
        }
        return new HashSet<>(expected);
    }
}
