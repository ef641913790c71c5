package dev.strangler.proxy.consistency;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the CDC bridge for barriers, one after the other, while there are writes not yet confirmed. A barrier the
 * bridge began after a write completed, and answered 200 for, confirms it: every consumer had applied it. On its own
 * thread, so no request thread ever blocks on the bridge.
 */
final class FeedBarrier {

    private static final Logger log = LoggerFactory.getLogger(FeedBarrier.class);
    private static final Duration RETRY = Duration.ofMillis(100);

    /** A request waiting for a barrier begun after {@code needs}. */
    private record Waiter(long needs, CompletableFuture<Void> confirmed) {
    }

    private final URI barriers;
    private final String token;
    private final Duration barrierWait;
    private final PendingWrites pending;
    private final Duration window;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Waiter> waiters = new ArrayList<>();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong lastTookMillis = new AtomicLong();
    private volatile long confirmedThrough = System.nanoTime();
    private volatile boolean running;
    private Thread thread;

    FeedBarrier(URI bridge, String token, Duration barrierWait, PendingWrites pending, Duration window) {
        String base = bridge.toString().endsWith("/") ? bridge.toString() : bridge + "/";
        this.barriers = URI.create(base + "cdc/barriers?wait=" + barrierWait.toMillis() + "ms");
        this.token = token;
        this.barrierWait = barrierWait;
        this.pending = pending;
        this.window = window;
    }

    long confirmedThrough() {
        return confirmedThrough;
    }

    /** Completes once a barrier begun after {@code completedAt} has completed. */
    CompletableFuture<Void> confirmation(long completedAt) {
        synchronized (this) {
            if (completedAt - confirmedThrough <= 0) {
                return CompletableFuture.completedFuture(null);
            }
            Waiter waiter = new Waiter(completedAt, new CompletableFuture<>());
            waiters.add(waiter);
            notifyAll();
            return waiter.confirmed();
        }
    }

    /** A write was recorded: run barriers until it is confirmed. */
    synchronized void demand() {
        notifyAll();
    }

    synchronized void start() {
        running = true;
        thread = new Thread(this::loop, "proxy-feed-barrier");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void stop() {
        running = false;
        notifyAll();
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** @return barriers completed, barriers that failed or timed out, and how long the last one took */
    BarrierFigures figures() {
        return new BarrierFigures(completed.get(), failed.get(), lastTookMillis.get());
    }

    private void loop() {
        while (running) {
            try {
                awaitDemand();
                long begun = System.nanoTime();
                if (barrier()) {
                    lastTookMillis.set((System.nanoTime() - begun) / 1_000_000);
                    completed.incrementAndGet();
                    confirm(begun);
                } else {
                    failed.incrementAndGet();
                    Thread.sleep(RETRY.toMillis()); // the bridge refused or lagged: ask again shortly
                }
                pending.forgetBefore(System.nanoTime() - window.toNanos());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void awaitDemand() throws InterruptedException {
        waiters.removeIf(waiter -> waiter.confirmed().isDone()); // gave up waiting (their own time bound)
        while (running && waiters.isEmpty() && !pending.anyAfter(confirmedThrough)) {
            wait(1_000);
            pending.forgetBefore(System.nanoTime() - window.toNanos());
        }
    }

    private boolean barrier() throws InterruptedException {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(barriers).timeout(barrierWait.plusSeconds(3))
                    .POST(HttpRequest.BodyPublishers.noBody());
            if (!token.isEmpty()) {
                request.header("Authorization", "Bearer " + token); // the bridge's operations API, like the kit's
            }
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (java.io.IOException e) {
            log.debug("Barrier request to {} failed: {}", barriers, e.toString());
            return false;
        }
    }

    private synchronized void confirm(long begun) {
        confirmedThrough = begun;
        pending.forgetThrough(begun);
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            if (waiter.needs() - begun <= 0) {
                waiter.confirmed().complete(null);
                it.remove();
            }
        }
    }

    /**
     * @param completed       barriers the bridge confirmed
     * @param failed          barriers refused, timed out or unanswered
     * @param lastTookMillis  how long the last confirmed one took
     */
    record BarrierFigures(long completed, long failed, long lastTookMillis) {
    }
}
