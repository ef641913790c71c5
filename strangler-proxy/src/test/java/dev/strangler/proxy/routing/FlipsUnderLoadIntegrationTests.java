package dev.strangler.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.ProxyIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * 100 flips across every mode while 11,000 reads and writes run through the proxy (a hundred between two flips):
 * no client sees a failure.
 * Each request's side is decided once, so a flip only changes where the next requests go.
 */
class FlipsUnderLoadIntegrationTests extends ProxyIntegrationTest {

    private static final int REQUESTS = 11_000;
    private static final int CLIENTS = 8;
    private static final int FLIPS = 100;
    private static final List<String> MODES = List.of("SHADOW", "CANARY", "EXTRACTED", "LEGACY");

    @Test
    void flipsUnderLoadLoseNothing() throws Exception {
        flip("members", "LEGACY");
        flip("orders", "LEGACY");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        AtomicInteger next = new AtomicInteger();
        LongAdder failures = new LongAdder();
        Map<String, LongAdder> servedBy = new ConcurrentHashMap<>();
        // Workers hand out one flip permit per slice of requests, so the flips are spread over the whole run.
        Semaphore flipPermits = new Semaphore(0);
        int slice = REQUESTS / (FLIPS + 10);

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        Future<Integer> flipper = pool.submit(() -> flipAll(http, flipPermits));
        List<Future<?>> clients = new java.util.ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < REQUESTS) {
                    HttpResponse<String> response = send(http, i);
                    String side = response.headers().firstValue("X-Backend").orElse("none");
                    if (response.statusCode() != 200 || side.equals("none")) {
                        failures.increment();
                    }
                    servedBy.computeIfAbsent(side, s -> new LongAdder()).increment();
                    if (i % slice == 0) {
                        flipPermits.release();
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get(150, TimeUnit.SECONDS);
        }
        flipPermits.release(FLIPS);
        int flipsDone = flipper.get(60, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(failures.sum()).isZero();
        assertThat(flipsDone).isEqualTo(FLIPS);
        assertThat(servedBy.values().stream().mapToLong(LongAdder::sum).sum()).isEqualTo(REQUESTS);
        assertThat(servedBy.keySet()).contains("legacy", "members", "orders").doesNotContain("none");
    }

    private HttpResponse<String> send(HttpClient http, int i) throws Exception {
        int member = i % 500;
        HttpRequest request = i % 4 == 0
                ? HttpRequest.newBuilder(traffic("/api/orders")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"memberId\":" + member + "}")).build()
                : HttpRequest.newBuilder(traffic(i % 4 == 1 ? "/api/members/" + member + "/orders"
                        : "/api/members/" + member)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private int flipAll(HttpClient http, Semaphore permits) throws Exception {
        int done = 0;
        for (int f = 0; f < FLIPS; f++) {
            permits.acquire();
            String route = f % 2 == 0 ? "members" : "orders";
            String mode = MODES.get((f / 2) % MODES.size());
            String body = "{\"mode\":\"" + mode + "\",\"percent\":" + (f * 7 % 101)
                    + ",\"reason\":\"flip under load " + f + "\",\"by\":\"load-test\"}";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + ADMIN_PORT + "/admin/routes/" + route + "/flips"))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                done++;
            }
        }
        return done;
    }

    private URI traffic(String path) {
        return URI.create("http://127.0.0.1:" + trafficPort + path);
    }
}
