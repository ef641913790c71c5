package dev.strangler.playbook.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clients of the monolith's whole API, through the proxy, while the playbook moves routes under them: reads and
 * updates of existing members, orders by them, and journeys of new members (register, read, update, order, read
 * the order and the member's orders, cancel, leave, be gone), on every route and on both sides of every cut-over.
 * Every answer is checked against what the contract allows for that request: anything else (an unexpected 4xx, any
 * 5xx, no answer) is a failed request.
 */
final class BackgroundLoad {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration THINK_TIME = Duration.ofMillis(20);
    private static final int FAILURES_KEPT = 10;

    private final URI proxy;
    private final List<Long> members;
    private final List<Long> products;
    private final List<Long> orders;
    private final int clients;
    private final String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private final AtomicLong newMembers = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Map<String, LongAdder> sent = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> failed = new ConcurrentHashMap<>();
    /**
     * Per second of the wall clock (Unix time): {sent, failed}, to tell the failures during an outage from any others
     * by the outage's own times, whatever the client's start-up took.
     */
    private final Map<Long, LongAdder[]> timeline = new ConcurrentHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param members  existing, active members the clients read, update and order for (never deleted by them)
     * @param products products the clients order one unit of
     * @param orders   existing orders the clients read (never deleted, so always there)
     */
    BackgroundLoad(URI proxy, List<Long> members, List<Long> products, List<Long> orders, int clients) {
        this.proxy = proxy;
        this.members = List.copyOf(members);
        this.products = List.copyOf(products);
        this.orders = List.copyOf(orders);
        this.clients = clients;
    }

    void start() {
        running.set(true);
        for (int client = 0; client < clients; client++) {
            SplittableRandom random = new SplittableRandom(client);
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

    /** Requests sent and failed in each second (Unix time) of the run: second → {sent, failed}. */
    Map<Long, long[]> timeline() {
        Map<Long, long[]> seconds = new TreeMap<>();
        timeline.forEach((second, counts) -> seconds.put(second, new long[] {counts[0].sum(), counts[1].sum()}));
        return seconds;
    }

    private LongAdder[] second() {
        return timeline.computeIfAbsent(System.currentTimeMillis() / 1000,
                second -> new LongAdder[] {new LongAdder(), new LongAdder()});
    }

    /** Requests sent and failed, per kind of request. */
    LoadFigures figures() {
        Map<String, long[]> byKind = new TreeMap<>();
        sent.forEach((kind, count) -> byKind.put(kind, new long[] {count.sum(),
                failed.getOrDefault(kind, new LongAdder()).sum()}));
        synchronized (failures) {
            return new LoadFigures(byKind, List.copyOf(failures));
        }
    }

    private void loop(SplittableRandom random) {
        while (running.get()) {
            int pick = random.nextInt(100);
            try {
                // Reads of both contexts in about equal numbers: each canary gate then gets its sample as soon.
                if (pick < 35) {
                    expect("read a member", get("/api/members/" + member(random)), Set.of(200));
                } else if (pick < 50) {
                    expect("list a member's orders", get("/api/members/" + member(random) + "/orders"), Set.of(200));
                } else if (pick < 61 && !orders.isEmpty()) {
                    expect("read an order", get("/api/orders/" + orders.get(random.nextInt(orders.size()))),
                            Set.of(200));
                } else if (pick < 68) {
                    updateExisting(member(random), random);
                } else if (pick < 78) {
                    orderByExisting(member(random), random);
                } else if (pick < 96) {
                    newMemberJourney(random);
                } else {
                    expect("search members", get("/api/members?q=" + runId + "&size=5"), Set.of(200));
                }
            } catch (JourneyEnded ended) {
                // the failure is counted; the client goes on with something else
            }
            pause(THINK_TIME);
        }
    }

    /** Reads the member as a client would, and writes it back with a new phone number. */
    private void updateExisting(long member, SplittableRandom random) {
        JsonNode current = body(expect("read a member", get("/api/members/" + member), Set.of(200)));
        expect("update a member", send("PUT", "/api/members/" + member, update(current, random)), Set.of(200));
    }

    private void orderByExisting(long member, SplittableRandom random) {
        HttpResponse<String> placed = expect("place an order", send("POST", "/api/orders", order(member, random)),
                Set.of(201, 409));
        if (placed.statusCode() == 201 && random.nextBoolean()) {
            expect("cancel an order", send("POST", "/api/orders/" + body(placed).path("id").asLong() + "/cancel",
                    null), Set.of(200));
        }
    }

    /** A new member's whole life through the API, each answer as the contract says. */
    private void newMemberJourney(SplittableRandom random) {
        String login = "load-" + runId + "-" + newMembers.incrementAndGet();
        JsonNode member = body(expect("register a member", send("POST", "/api/members", JSON.writeValueAsString(Map.of(
                "loginId", login, "name", "부하 " + login, "email", login + "@example.com", "phone", "010-1234-5678"))),
                Set.of(201)));
        long id = member.path("id").asLong();
        String path = "/api/members/" + id;
        require("read a new member", body(expect("read a new member", get(path), Set.of(200))).path("loginId")
                .asString().equals(login), "answered another member");
        expect("update a member", send("PUT", path, update(member, random)), Set.of(200));
        HttpResponse<String> placed = expect("place an order", send("POST", "/api/orders", order(id, random)),
                Set.of(201, 409));
        if (placed.statusCode() == 201) {
            long order = body(placed).path("id").asLong();
            expect("read an order", get("/api/orders/" + order), Set.of(200));
            String orders = expect("list a member's orders", get(path + "/orders"), Set.of(200)).body();
            require("list a new member's orders", orders.contains("\"id\":" + order), "misses order " + order);
            expect("cancel an order", send("POST", "/api/orders/" + order + "/cancel", null), Set.of(200));
        }
        expect("delete a member", send("DELETE", path, null), Set.of(204));
        expect("read a deleted member", get(path), Set.of(404));
    }

    private HttpResponse<String> expect(String kind, HttpRequest request, Set<Integer> allowed) {
        sent.computeIfAbsent(kind, k -> new LongAdder()).increment();
        second()[0].increment();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            fail(kind, request.method() + " " + request.uri().getPath() + ": no answer (" + e.getMessage() + ")");
            throw new JourneyEnded();
        }
        if (!allowed.contains(response.statusCode())) {
            fail(kind, request.method() + " " + request.uri().getPath() + " answered " + response.statusCode()
                    + " (allowed " + allowed + "): " + abbreviate(response.body()));
            throw new JourneyEnded();
        }
        return response;
    }

    private void require(String kind, boolean condition, String problem) {
        if (!condition) {
            sent.computeIfAbsent(kind, k -> new LongAdder());
            fail(kind, problem);
            throw new JourneyEnded();
        }
    }

    private void fail(String kind, String what) {
        failed.computeIfAbsent(kind, k -> new LongAdder()).increment();
        second()[1].increment();
        synchronized (failures) {
            if (failures.size() < FAILURES_KEPT) {
                failures.add(kind + ": " + what);
            }
        }
    }

    private long member(SplittableRandom random) {
        return members.get(random.nextInt(members.size()));
    }

    private String order(long member, SplittableRandom random) {
        return JSON.writeValueAsString(Map.of("memberId", member, "shippingAddress", "서울시 중구 세종대로 110",
                "items", List.of(Map.of("productId", products.get(random.nextInt(products.size())), "quantity", 1))));
    }

    private static String update(JsonNode member, SplittableRandom random) {
        return JSON.writeValueAsString(Map.of("name", member.path("name").asString(),
                "email", member.path("email").asString(), "grade", member.path("grade").asString(),
                "phone", "010-" + random.nextInt(1000, 10_000) + "-" + random.nextInt(1000, 10_000)));
    }

    private static JsonNode body(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(proxy.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build();
    }

    private HttpRequest send(String method, String path, String body) {
        return HttpRequest.newBuilder(proxy.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis()); // a client's think time, not a wait for a condition
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends a journey after a failed answer: its later steps depend on it. */
    private static final class JourneyEnded extends RuntimeException {
        JourneyEnded() {
            super(null, null, false, false);
        }
    }

    /**
     * @param byKind   per kind of request: {sent, failed}
     * @param failures the first failed answers, described
     */
    record LoadFigures(Map<String, long[]> byKind, List<String> failures) {

        long sent() {
            return byKind.values().stream().mapToLong(counts -> counts[0]).sum();
        }

        long failed() {
            return byKind.values().stream().mapToLong(counts -> counts[1]).sum();
        }
    }
}
