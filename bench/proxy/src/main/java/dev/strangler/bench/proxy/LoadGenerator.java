package dev.strangler.bench.proxy;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * A small HTTP load generator on Reactor Netty. Fixed-rate runs are open-loop: each request has an intended start
 * time and its latency is measured from then, so a stall is not hidden by the generator waiting for it
 * (no coordinated omission). Throughput runs are closed-loop: a fixed number of requests always in flight.
 */
final class LoadGenerator implements Load {

    /** Latency percentiles in milliseconds, the rate achieved and the failures seen. */
    record Result(double p50, double p99, double p999, double requestsPerSecond, long failures) {
    }

    private final HttpClient http = HttpClient.create(ConnectionProvider.builder("bench").maxConnections(512)
            .pendingAcquireMaxCount(-1).build());
    private final long firstId;
    private final int ids;

    /** Requests {@code GET /api/members/{id}} for the {@code ids} ids from {@code firstId}, in turn. */
    LoadGenerator(long firstId, int ids) {
        this.firstId = firstId;
        this.ids = ids;
    }

    @Override
    public Result fixedRate(String baseUrl, int perSecond, Duration duration) throws InterruptedException {
        int total = (int) (perSecond * duration.toSeconds());
        long[] latencies = new long[total];
        AtomicLong failures = new AtomicLong();
        CountDownLatch done = new CountDownLatch(total);
        long intervalNanos = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long intended = start + i * intervalNanos;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int slot = i;
            send(baseUrl, i, ok -> {
                latencies[slot] = (System.nanoTime() - intended) / 1_000;
                if (!ok) {
                    failures.incrementAndGet();
                }
                done.countDown();
            });
        }
        done.await(60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        return summarise(latencies, total / seconds, failures.get());
    }

    @Override
    public Result closedLoop(String baseUrl, int inFlight, Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        AtomicInteger completed = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        CountDownLatch stopped = new CountDownLatch(inFlight);
        long start = System.nanoTime();
        for (int worker = 0; worker < inFlight; worker++) {
            loop(baseUrl, worker, end, completed, failures, stopped);
        }
        stopped.await(duration.toSeconds() + 30, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(0, 0, 0, completed.get() / seconds, failures.get());
    }

    private void loop(String baseUrl, int n, long end, AtomicInteger completed, AtomicLong failures,
            CountDownLatch stopped) {
        if (System.nanoTime() >= end) {
            stopped.countDown();
            return;
        }
        send(baseUrl, n, ok -> {
            completed.incrementAndGet();
            if (!ok) {
                failures.incrementAndGet();
            }
            loop(baseUrl, n + 1000, end, completed, failures, stopped);
        });
    }

    private void send(String baseUrl, int i, java.util.function.Consumer<Boolean> onDone) {
        http.get().uri(baseUrl + "/api/members/" + (firstId + i % ids))
                .responseSingle((response, body) -> body.asByteArray().map(bytes -> response.status().code() == 200))
                .subscribe(onDone::accept, error -> onDone.accept(false));
    }

    private static Result summarise(long[] latencies, double rate, long failures) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Result(percentile(sorted, 50), percentile(sorted, 99), percentile(sorted, 99.9), rate, failures);
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }
}
