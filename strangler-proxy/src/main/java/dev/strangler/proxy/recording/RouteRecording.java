package dev.strangler.proxy.recording;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** One recording route's sample: which of its requests to take, and how many lines its file may still get. */
final class RouteRecording {

    static final String METER = "strangler.proxy.recording.exchanges";

    private final String route;
    private final Path file;
    private final int every;
    private final int maxLines;
    private final AtomicLong seen = new AtomicLong();
    /** Lines written or on their way; counts the file's lines from before a restart too. */
    private final AtomicInteger taken;
    final Counter written;
    final Counter dropped;
    final Counter failed;

    RouteRecording(String route, Path file, int every, int maxLines, int linesAlready, MeterRegistry meters) {
        this.route = route;
        this.file = file;
        this.every = every;
        this.maxLines = maxLines;
        this.taken = new AtomicInteger(linesAlready);
        this.written = counter(meters, "written");
        this.dropped = counter(meters, "dropped");
        this.failed = counter(meters, "failed");
    }

    String route() {
        return route;
    }

    Path file() {
        return file;
    }

    /** Whether to capture this request: it is an n-th one and the file is not full. Checked before any copying. */
    boolean samples() {
        return taken.get() < maxLines && seen.getAndIncrement() % every == 0;
    }

    /** Takes one of the file's remaining lines; false once it is full. */
    boolean claim() {
        int lines;
        do {
            lines = taken.get();
            if (lines >= maxLines) {
                return false;
            }
        } while (!taken.compareAndSet(lines, lines + 1));
        return true;
    }

    /** Gives back a claimed line whose exchange was dropped (queue full): the sample stays as large as configured. */
    void release() {
        taken.decrementAndGet();
    }

    private Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder(METER).description("recorded exchanges, by what became of them")
                .tag("route", route).tag("outcome", outcome).register(meters);
    }
}
