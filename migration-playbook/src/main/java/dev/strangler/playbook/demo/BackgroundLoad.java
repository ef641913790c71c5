package dev.strangler.playbook.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Clients of the monolith's API, through the proxy, while the playbook moves routes under them: reads of members
 * and their orders, and writes (member updates, orders). A failed request is a 5xx or no answer at all; a 4xx is the
 * API's own answer (a 409 for missing stock, say) and counts as served.
 */
final class BackgroundLoad {

    private final URI proxy;
    private final long maxMemberId;
    private final int clients;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final List<String> failures = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    BackgroundLoad(URI proxy, long maxMemberId, int clients) {
        this.proxy = proxy;
        this.maxMemberId = Math.max(1, maxMemberId);
        this.clients = clients;
    }

    void start() {
        running.set(true);
        for (int client = 0; client < clients; client++) {
            Random random = new Random(client);
            Thread thread = new Thread(() -> loop(random), "demo-load-" + client);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    void stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
    }

    long served() {
        return served.get();
    }

    long failed() {
        return failed.get();
    }

    synchronized List<String> firstFailures() {
        return List.copyOf(failures);
    }

    private void loop(Random random) {
        while (running.get()) {
            long member = 1 + (long) (random.nextDouble() * maxMemberId);
            int pick = random.nextInt(10);
            HttpRequest request = switch (pick) {
                case 0 -> memberUpdate(member, random);
                case 1 -> json("POST", "/api/orders", "{\"memberId\":" + member + ",\"shippingAddress\":\"서울시 중구 1\","
                        + "\"items\":[{\"productId\":" + (1 + random.nextInt(50)) + ",\"quantity\":1}]}");
                case 2, 3 -> get("/api/members/" + member + "/orders");
                default -> get("/api/members/" + member);
            };
            if (request == null) {
                continue;
            }
            send(request);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // a client's think time
        }
    }

    /** Reads the member first, as a client would, and writes it back with a new phone number. */
    private HttpRequest memberUpdate(long member, Random random) {
        try {
            HttpResponse<String> current = http.send(get("/api/members/" + member), HttpResponse.BodyHandlers.ofString());
            record(current.statusCode(), "GET /api/members/" + member);
            if (current.statusCode() != 200) {
                return null;
            }
            String body = current.body();
            String name = field(body, "name");
            String email = field(body, "email");
            String grade = field(body, "grade");
            return json("PUT", "/api/members/" + member, "{\"name\":\"" + name + "\",\"email\":\"" + email
                    + "\",\"phone\":\"010-" + (1000 + random.nextInt(9000)) + "-" + (1000 + random.nextInt(9000))
                    + "\",\"grade\":\"" + grade + "\"}");
        } catch (Exception e) {
            fail("GET /api/members/" + member + ": " + e.getMessage());
            return null;
        }
    }

    private void send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            record(response.statusCode(), request.method() + " " + request.uri().getPath());
        } catch (Exception e) {
            fail(request.method() + " " + request.uri().getPath() + ": " + e.getMessage());
        }
    }

    private void record(int status, String what) {
        if (status >= 500) {
            fail(what + " answered " + status);
        } else {
            served.incrementAndGet();
        }
    }

    private synchronized void fail(String what) {
        failed.incrementAndGet();
        if (failures.size() < 10) {
            failures.add(what);
        }
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(proxy.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build();
    }

    private HttpRequest json(String method, String path, String body) {
        return HttpRequest.newBuilder(proxy.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body == null ? "{}" : body)).build();
    }

    /** A string field of a flat JSON answer; enough for the member fields the update sends back. */
    private static String field(String json, String name) {
        String marker = "\"" + name + "\":\"";
        int start = json.indexOf(marker);
        if (start < 0) {
            return "";
        }
        start += marker.length();
        return json.substring(start, json.indexOf('"', start));
    }
}
