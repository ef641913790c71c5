package dev.strangler.proxy.recording;

import dev.strangler.diff.Redaction;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends recorded exchanges to their route's file on a thread of its own, behind a bounded queue: the event loop
 * only hands an exchange over, and a full queue refuses it at once (the caller drops and counts it). Each line is
 * flushed when written, so a reader sees whole lines. The thread starts with the first exchange.
 */
@Component
class RecordingWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RecordingWriter.class);

    private final RecordedLine lines;
    private final ThreadPoolExecutor executor;
    /** Open files by route; touched by the writer's thread only (and by stop, once that thread has finished). */
    private final Map<String, Writer> files = new HashMap<>();
    private volatile boolean running;

    RecordingWriter(RecordingProperties properties, JsonMapper json) {
        this.lines = new RecordedLine(new Redaction(properties.redactHeaders(), properties.redactFields()),
                properties.maxBody().toBytes(), json);
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(properties.queueCapacity()),
                RecordingWriter::thread, new ThreadPoolExecutor.AbortPolicy());
    }

    private static Thread thread(Runnable runnable) {
        Thread thread = new Thread(runnable, "traffic-recording");
        thread.setDaemon(true);
        return thread;
    }

    /** Queues the exchange for writing; false when the queue is full. */
    boolean offer(RouteRecording recording, RecordedExchange exchange) {
        try {
            executor.execute(() -> write(recording, exchange));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private void write(RouteRecording recording, RecordedExchange exchange) {
        try {
            Writer file = files.get(recording.route());
            if (file == null) {
                file = Files.newBufferedWriter(recording.file(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                files.put(recording.route(), file);
            }
            file.write(lines.of(exchange));
            file.write('\n');
            file.flush();
            recording.written.increment();
        } catch (IOException | RuntimeException e) {
            recording.failed.increment();
            log.warn("Could not record an exchange of route {} to {}: {}", recording.route(), recording.file(),
                    e.toString());
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Writes what is queued (for a few seconds at most), then closes the files. */
    @Override
    public void stop() {
        running = false;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
        files.values().forEach(RecordingWriter::close);
        files.clear();
    }

    private static void close(Writer file) {
        try {
            file.close();
        } catch (IOException e) {
            log.warn("Could not close a recording: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
