package dev.strangler.proxy.instances;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.ProxyIntegrationTest;
import dev.strangler.proxy.support.TestBackend;
import dev.strangler.proxy.support.TestBackend.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The extracted side is a discovered service of two instances ({@code lb://pooled-service}, simple discovery) on a
 * route that never falls back to the monolith, so only the instances can answer. Reads and writes run through the
 * proxy from eight clients while one instance is killed: no read fails, no write reaches an instance twice, a write
 * that failed got a problem answer and never reached the survivor, and the survivor serves everything after.
 */
class InstanceKilledUnderLoadIntegrationTests extends ProxyIntegrationTest {

    private static final int REQUESTS = 1_200;
    private static final int CLIENTS = 8;
    private static final int KILL_AT = 400;

    /** One request as the client saw it. */
    private record Outcome(String id, boolean write, boolean afterKill, int status, String backend, String body) {
    }

    @Test
    void killingOneOfTwoInstancesFailsNoReadAndSendsNoWriteTwice() throws Exception {
        flip("pooled", "EXTRACTED");
        // A few milliseconds of work per request, so the kill finds requests in flight on the instance it kills.
        POOL_A.behave(request -> Reply.ok().delayed(3));
        POOL_B.behave(request -> Reply.ok().delayed(3));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            running.add(clients.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < REQUESTS) {
                    if (i == KILL_AT) {
                        POOL_B.close(); // the other clients' requests are in flight meanwhile
                        killed.set(true);
                    }
                    outcomes.add(send(http, i, killed.get()));
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();

        assertThat(outcomes).hasSize(REQUESTS);
        List<Outcome> reads = outcomes.stream().filter(outcome -> !outcome.write()).toList();
        List<Outcome> writes = outcomes.stream().filter(Outcome::write).toList();
        assertThat(reads).allSatisfy(read -> assertThat(read.status()).as(read.toString()).isEqualTo(200));

        Map<String, Long> writesReceived = Stream.of(POOL_A, POOL_B)
                .flatMap(instance -> instance.received().stream())
                .filter(request -> request.method().equals("POST"))
                .collect(Collectors.groupingBy(request -> request.header("X-Request-Id"), Collectors.counting()));
        assertThat(writesReceived.values()).as("no write reaches an instance twice").allMatch(count -> count == 1);
        List<String> survivorWrites = idsOfWrites(POOL_A);
        for (Outcome write : writes) {
            if (write.status() == 200) {
                assertThat(writesReceived).as(write.toString()).containsEntry(write.id(), 1L);
            } else {
                assertThat(write.status()).as(write.toString()).isEqualTo(503);
                assertThat(write.body()).contains("https://strangler.dev/problems/extracted-service-unavailable");
                assertThat(survivorWrites).as("a failed write was on the killed instance").doesNotContain(write.id());
            }
        }
        assertThat(writes.stream().filter(write -> write.status() != 200))
                .as("only writes in flight on the killed instance fail").hasSizeLessThanOrEqualTo(CLIENTS);

        Map<String, Long> servedBefore = servedBy(outcomes.stream().filter(outcome -> !outcome.afterKill()));
        Map<String, Long> servedAfter = servedBy(outcomes.stream().filter(Outcome::afterKill));
        assertThat(servedBefore).containsKeys("pool-a", "pool-b");
        assertThat(servedAfter).containsOnlyKeys("pool-a");
        assertThat(servedAfter.get("pool-a")).isGreaterThan((REQUESTS - KILL_AT) / 2L);
    }

    private Outcome send(HttpClient http, int i, boolean afterKill) throws Exception {
        boolean write = i % 3 == 0;
        String id = (write ? "write-" : "read-") + i;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + trafficPort
                + (write ? "/api/pooled/orders" : "/api/pooled/orders/" + i))).header("X-Request-Id", id);
        request = write ? request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"n\":" + i + "}")) : request.GET();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Outcome(id, write, afterKill, response.statusCode(),
                response.headers().firstValue("X-Backend").orElse(null), response.body());
    }

    private static List<String> idsOfWrites(TestBackend instance) {
        return instance.received().stream().filter(request -> request.method().equals("POST"))
                .map(request -> request.header("X-Request-Id")).toList();
    }

    private static Map<String, Long> servedBy(Stream<Outcome> outcomes) {
        return outcomes.filter(outcome -> outcome.backend() != null)
                .collect(Collectors.groupingBy(Outcome::backend, Collectors.counting()));
    }
}
