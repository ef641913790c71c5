package dev.strangler.proxy.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.proxy.consistency.ReadYourWrites;
import dev.strangler.proxy.route.ProxyProperties;
import dev.strangler.proxy.route.RouteTable;
import dev.strangler.proxy.support.ProxyIntegrationTest;
import dev.strangler.proxy.support.TestBackend.Reply;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * SHADOW: the client always gets the monolith's answer; the request is mirrored afterwards, compared by the
 * route's rules, and the result shows up in the admin API's parity figures.
 */
class ShadowIntegrationTests extends ProxyIntegrationTest {

    @Autowired
    private MirrorClient mirrorClient;

    @Autowired
    private RouteTable routes;

    @Autowired
    private ProxyProperties properties;

    @Autowired
    private ParityLedger ledger;

    @Autowired
    private MirrorComparison comparison;

    @Autowired
    private ReadYourWrites readYourWrites;

    @Test
    void theClientGetsTheMonolithsAnswerAndTheServiceGetsTheSameRequestMarkedAsAMirror() {
        flip("overflow", "SHADOW");
        traffic().get().uri("/api/overflow/1?x=y").header("X-Request-Id", "req-shadow-1").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Backend", "legacy")
                .expectHeader().valueEquals("X-Served-By", "legacy")
                .expectBody();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(MEMBERS.received()).hasSize(1));
        var mirrored = MEMBERS.received().get(0);
        assertThat(mirrored.path()).isEqualTo("/api/overflow/1?x=y");
        assertThat(mirrored.header("X-Request-Id")).isEqualTo("req-shadow-1");
        assertThat(mirrored.header("X-Strangler-Shadow")).isEqualTo("true");
    }

    @Test
    void equalAnswersGiveFullParityAndADifferenceIsKeptWithBothBodies() {
        flip("parity", "SHADOW");
        // Same data; the arrays differ only in order, the ignored field and the etag differ everywhere.
        LEGACY.behave(r -> json("{\"id\":1,\"tags\":[\"a\",\"b\"],\"ignored\":\"" + UUID.randomUUID()
                + "\",\"meta\":{\"etag\":\"x1\"}}"));
        MEMBERS.behave(r -> json("{\"id\":1,\"tags\":[\"b\",\"a\"],\"ignored\":\"other\",\"meta\":{\"etag\":\"y\"}}"));
        for (int i = 0; i < 3; i++) {
            traffic().get().uri("/api/parity/1").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.id").isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> parity("parity")
                .jsonPath("$.compared").isEqualTo(3)
                .jsonPath("$.parityPercent").isEqualTo(100.0));

        MEMBERS.behave(r -> json("{\"id\":2,\"tags\":[\"a\",\"b\"],\"ignored\":\"z\",\"meta\":{\"etag\":\"y\"}}"));
        traffic().get().uri("/api/parity/1").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Backend", "legacy")
                .expectBody();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> parity("parity")
                .jsonPath("$.compared").isEqualTo(4)
                .jsonPath("$.mismatched").isEqualTo(1)
                .jsonPath("$.parityPercent").isEqualTo(75.0)
                .jsonPath("$.mismatchGroups[0].fields[0]").isEqualTo("$.id")
                .jsonPath("$.mismatchGroups[0].count").isEqualTo(1)
                .jsonPath("$.mismatchGroups[0].examples[0].legacyBody").value(body -> assertThat((String) body)
                        .contains("\"id\":1"))
                .jsonPath("$.mismatchGroups[0].examples[0].extractedBody").value(body -> assertThat((String) body)
                        .contains("\"id\":2")));
    }

    @Test
    void fieldsThatDifferBetweenTwoMonolithAnswersAreLearnedAsNoiseAndLeftOutOfParity() {
        flip("noise", "SHADOW");
        AtomicInteger legacyCalls = new AtomicInteger();
        LEGACY.behave(r -> json("{\"id\":5,\"generatedAt\":\"t" + legacyCalls.incrementAndGet() + "\"}"));
        MEMBERS.behave(r -> json("{\"id\":5,\"generatedAt\":\"service-time\"}"));
        for (int i = 0; i < 3; i++) {
            traffic().get().uri("/api/noise/5").exchange().expectStatus().isOk()
                .expectBody();
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> parity("noise")
                .jsonPath("$.compared").isEqualTo(3)
                .jsonPath("$.noiseSamples").isEqualTo(3)
                .jsonPath("$.noise[0].path").isEqualTo("$.generatedAt")
                .jsonPath("$.noise[0].occurrences").isEqualTo(3)
                .jsonPath("$.mismatched").isEqualTo(0)
                .jsonPath("$.matched").isEqualTo(3)
                .jsonPath("$.parityPercent").isEqualTo(100.0)
                .jsonPath("$.mismatchGroups").isEmpty());
    }

    @Test
    void writesAreNotMirroredUnlessTheRouteOptsIn() {
        flip("overflow", "SHADOW");
        traffic().post().uri("/api/overflow/orders").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk().expectHeader().valueEquals("X-Backend", "legacy")
                .expectBody();
        traffic().get().uri("/api/overflow/after-the-post").exchange().expectStatus().isOk()
                .expectBody();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(MEMBERS.received()).hasSize(1));
        assertThat(MEMBERS.received().get(0).path()).isEqualTo("/api/overflow/after-the-post");
    }

    @Test
    void aSlowServiceNeitherDelaysClientsNorGrowsTheQueueOverflowIsDroppedAndCounted() {
        flip("overflow", "SHADOW");
        MEMBERS.behave(r -> Reply.ok().delayed(300));
        long dropsBefore = droppedOn("overflow");
        long started = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            traffic().get().uri("/api/overflow/slow/" + i).exchange().expectStatus().isOk()
                    .expectHeader().valueEquals("X-Backend", "legacy")
                .expectBody();
        }
        Duration forty = Duration.ofNanos(System.nanoTime() - started);
        // 40 mirrors at 300 ms each, two at a time, would take 6 s if clients waited for them.
        assertThat(forty).isLessThan(Duration.ofSeconds(4));
        assertThat(droppedOn("overflow")).isGreaterThan(dropsBefore);
    }

    @Test
    void aRouteThatMirrorsASampleMirrorsSomeOfItsRequestsAndCountsTheRestAsSkipped() {
        flip("sampled", "SHADOW");
        int requests = 60;
        for (int i = 0; i < requests; i++) {
            traffic().get().uri("/api/sampled/" + i).exchange().expectStatus().isOk()
                    .expectHeader().valueEquals("X-Backend", "legacy")
                    .expectBody();
        }
        // At 50 %, all 60 or none mirrored has a chance of 2 in 10^18.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Map<?, ?> report = parityReport("sampled");
            long compared = ((Number) report.get("compared")).longValue();
            long skipped = ((Number) report.get("skipped")).longValue();
            assertThat(compared + skipped).isEqualTo(requests);
            assertThat(compared).isBetween(1L, requests - 1L);
            assertThat(MEMBERS.received()).hasSize((int) compared);
        });
    }

    @Test
    void mirroredAnswersArriveOnTheMirrorsOwnEventLoopWhereTheyAreComparedNotOnTheLoopsThatServeClients() {
        MirrorJob job = new MirrorJob(routes.get("overflow"), "req-loop", "GET", "/api/overflow/loop",
                new HttpHeaders(), new byte[0], new CapturedResponse(200, new HttpHeaders(), new byte[0]), null);
        String thread = mirrorClient.send(URI.create(MEMBERS.url()), job, Duration.ofSeconds(5))
                .map(answer -> Thread.currentThread().getName())
                .block(Duration.ofSeconds(10));
        assertThat(thread).startsWith("shadow-mirror");
    }

    @Test
    void theLoopThatServedTheClientOnlyEnqueuesTheMirrorsHeadersAndRequestAreBuiltOnTheMirrorsOwnLoop() {
        List<String> filteredOn = new CopyOnWriteArrayList<>();
        HttpHeadersFilter recordsItsThread = (headers, exchange) -> {
            filteredOn.add(Thread.currentThread().getName());
            return HttpHeaders.copyOf(headers); // a writable copy, as the gateway's own header filters return
        };
        ObjectProvider<List<HttpHeadersFilter>> headersFilters = new ObjectProvider<>() {
            @Override
            public List<HttpHeadersFilter> getObject() {
                return List.of(recordsItsThread);
            }

            @Override
            public List<HttpHeadersFilter> getIfAvailable() {
                return getObject();
            }
        };
        ShadowMirror mirror = new ShadowMirror(properties, ledger, mirrorClient, comparison, readYourWrites,
                headersFilters);
        MockServerWebExchange served = MockServerWebExchange.from(
                MockServerHttpRequest.get("http://localhost/api/overflow/built-on-the-mirror-loop"));
        GatewayFilterChain monolithAnswers = exchange -> {
            exchange.getResponse().setStatusCode(HttpStatus.OK);
            return exchange.getResponse().writeWith(
                    Mono.just(exchange.getResponse().bufferFactory().wrap("{}".getBytes(StandardCharsets.UTF_8))));
        };

        mirror.shadow(routes.get("overflow"), served, monolithAnswers).block(Duration.ofSeconds(5));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(MEMBERS.received()).hasSize(1));
        assertThat(MEMBERS.received().get(0).path()).isEqualTo("/api/overflow/built-on-the-mirror-loop");
        assertThat(filteredOn).singleElement().asString().startsWith("shadow-mirror");
    }

    private long droppedOn(String route) {
        return ((Number) parityReport(route).get("dropped")).longValue();
    }

    private Map<?, ?> parityReport(String route) {
        return admin().get().uri("/admin/routes/{name}/parity", route).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private WebTestClient.BodyContentSpec parity(String route) {
        return admin().get().uri("/admin/routes/{name}/parity", route).exchange().expectStatus().isOk().expectBody();
    }

    private static Reply json(String body) {
        return Reply.json(body);
    }
}
