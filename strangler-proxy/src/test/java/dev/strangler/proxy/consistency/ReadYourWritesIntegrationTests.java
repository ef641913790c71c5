package dev.strangler.proxy.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.proxy.support.ProxyIntegrationTest;
import dev.strangler.proxy.support.TestBackend;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read-your-writes across the change feed, with an in-process stand-in for the CDC bridge's barriers (200
 * confirms, 504 does not): a read of an entity just written on the other side is served by the writer until a
 * barrier confirms the write; a request that no backend holding the write can serve waits for the confirmation;
 * nothing else changes side.
 */
class ReadYourWritesIntegrationTests extends ProxyIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The barriers confirm (the backends were reset), so every write of an earlier test is confirmed first. */
    @BeforeEach
    void nothingPending() {
        await().atMost(Duration.ofSeconds(10)).until(() -> JSON.readTree(admin().get().uri("/admin/consistency")
                .exchange().expectBody().returnResult().getResponseBody()).path("pendingWrites").asInt() == 0);
    }

    @Test
    void aReadOfAnEntityJustWrittenOnTheOtherSideIsServedByTheWriterUntilTheFeedHasIt() {
        flip("accounts-read", "EXTRACTED");
        flip("accounts-write", "LEGACY");
        BRIDGE.behave(request -> TestBackend.Reply.status(504));

        traffic().put().uri("/api/accounts/7").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk().expectHeader().valueEquals("X-Backend", "legacy");

        assertThat(sideOf("/api/accounts/7")).as("its own write, not yet in the service").isEqualTo("legacy");
        assertThat(sideOf("/api/accounts/7/history")).isEqualTo("legacy");
        assertThat(sideOf("/api/accounts?q=x")).as("a list may hold it too").isEqualTo("legacy");
        assertThat(sideOf("/api/accounts/8")).as("nothing else changes side").isEqualTo("members");

        BRIDGE.behave(request -> TestBackend.Reply.ok());
        await().atMost(Duration.ofSeconds(10)).until(() -> sideOf("/api/accounts/7").equals("members"));
        assertThat(sideOf("/api/accounts?q=x")).isEqualTo("members");
        admin().get().uri("/admin/routes/accounts-read").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.consistency.redirectedReads").value(n -> assertThat(((Number) n).longValue())
                        .isGreaterThanOrEqualTo(3));
    }

    @Test
    void aWriteThatDependsOnAnotherBackendsWriteWaitsForTheFeed() {
        long waitedBefore = figure("invoices-write", "waited");
        long timedOutBefore = figure("invoices-write", "waitTimedOut");
        flip("accounts-write", "EXTRACTED");
        flip("invoices-write", "LEGACY");
        BRIDGE.behave(request -> TestBackend.Reply.status(504));
        MEMBERS.behave(request -> new TestBackend.Reply(201, Map.of("Location", "/api/accounts/55"),
                "{\"id\":55}", 0));
        traffic().post().uri("/api/accounts").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isCreated();

        AtomicReference<EntityExchangeResult<String>> invoice = new AtomicReference<>();
        Mono.fromRunnable(() -> invoice.set(traffic().post().uri("/api/invoices/new")
                        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"accountId\":55}").exchange()
                        .expectBody(String.class).returnResult()))
                .subscribeOn(Schedulers.boundedElastic()).subscribe();
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2)).until(() -> LEGACY.received().isEmpty());

        BRIDGE.behave(request -> TestBackend.Reply.ok());
        await().atMost(Duration.ofSeconds(5)).until(() -> invoice.get() != null);
        assertThat(invoice.get().getStatus().value()).isEqualTo(200);
        assertThat(invoice.get().getResponseHeaders().getFirst("X-Backend")).isEqualTo("legacy");
        assertThat(BRIDGE.received()).isNotEmpty().allSatisfy(barrier -> assertThat(barrier.header("Authorization"))
                .as("the bridge's operations API needs the token").isEqualTo("Bearer it-bridge-token-0123456789abcdef"));
        assertThat(figure("invoices-write", "waited")).isEqualTo(waitedBefore + 1);
        assertThat(figure("invoices-write", "waitTimedOut")).isEqualTo(timedOutBefore);
    }

    @Test
    void aRequestStillUnconfirmedAfterMaxWaitIsServedAndCounted() {
        long timedOutBefore = figure("invoices-write", "waitTimedOut");
        flip("accounts-write", "LEGACY");
        flip("invoices-write", "EXTRACTED");
        BRIDGE.behave(request -> TestBackend.Reply.status(504));
        traffic().put().uri("/api/accounts/91").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk();

        traffic().post().uri("/api/invoices/new").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"accountId\":91}").exchange()
                .expectStatus().isOk().expectHeader().valueEquals("X-Backend", "orders");

        assertThat(figure("invoices-write", "waitTimedOut")).isEqualTo(timedOutBefore + 1);
    }

    private long figure(String route, String name) {
        byte[] view = admin().get().uri("/admin/routes/{route}", route).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(view).path("consistency").path(name).asLong();
    }
}
