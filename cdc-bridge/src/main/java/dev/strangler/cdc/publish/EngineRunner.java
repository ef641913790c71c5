package dev.strangler.cdc.publish;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Debezium embedded engine on an executor of its own: started, stopped, and why it stopped on its own. An engine
 * that stops on its own is started again with back-off (1 s, doubling to 30 s; back to 1 s once it ran a minute):
 * a database restart or a network blip ends the connector, and nobody should have to restart the bridge for it.
 * A position gone from the server is the exception: that needs an operator's decision ({@code kit cdc resnapshot}).
 */
public final class EngineRunner {

    private static final Logger log = LoggerFactory.getLogger(EngineRunner.class);
    private static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(30);
    private static final Duration STABLE = Duration.ofMinutes(1);
    /**
     * How a gone position reads: Debezium's own check of a binlog file, and the server's refusal to stream from a
     * purged position (MySQL and MariaDB error 1236, e.g. a MariaDB GTID no longer in any binlog file).
     */
    private static final List<String> POSITION_LOST = List.of("no longer available on the server",
            "Error code: 1236", "required binlog files have been purged", "purged required binary logs");

    private final String name;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final ScheduledExecutorService restarts;
    private ExecutorService executor;
    private DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private Properties configuration;
    private AcknowledgedBatches consumer;
    private volatile boolean running;
    private volatile boolean stopped = true;
    private volatile Instant restartAt;
    private Instant startedAt = Instant.now();
    private Duration backOff = FIRST_BACK_OFF;

    /** @param name the thread's name, and the engine's in log lines */
    public EngineRunner(String name) {
        this.name = name;
        this.restarts = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name + "-restart");
            thread.setDaemon(true);
            return thread;
        });
    }

    public synchronized void start(Properties configuration, AcknowledgedBatches consumer) {
        start(configuration, configuration, consumer);
    }

    /**
     * Starts with {@code first}, and with {@code thereafter} whenever it starts again by itself (a re-snapshot once,
     * then resuming from the offsets that snapshot wrote).
     */
    public synchronized void start(Properties first, Properties thereafter, AcknowledgedBatches consumer) {
        this.configuration = thereafter;
        this.consumer = consumer;
        stopped = false;
        backOff = FIRST_BACK_OFF;
        launch(first);
    }

    /**
     * Starts the engine again after it stopped on its own, with the configuration it ran with; where its position is
     * gone from the server, with a new snapshot first (once), the offsets that snapshot writes serving from then on.
     *
     * @return whether it was started (false while it runs, and before its first start or after a stop)
     */
    public synchronized boolean recover() {
        if (running || stopped) {
            return false;
        }
        Throwable cause = failure.get();
        boolean resnapshot = positionLost();
        Properties first = new Properties();
        first.putAll(configuration);
        if (resnapshot) {
            first.setProperty("snapshot.mode", "always");
        }
        start(first, configuration, consumer);
        log.warn("The {} engine started again{} after: {}", name, resnapshot ? " with a new snapshot" : "",
                cause == null ? "a stop" : cause.getMessage());
        return true;
    }

    private synchronized void launch() {
        launch(configuration);
    }

    private synchronized void launch(Properties configuration) {
        if (executor != null) {
            executor.shutdown(); // the thread of the engine that ended
        }
        engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(configuration)
                .using((success, message, error) -> {
                    running = false;
                    if (!success) {
                        failure.set(error == null ? new IllegalStateException(message) : error);
                        log.error("The {} engine stopped: {}", name, message, error);
                        scheduleRestart();
                    }
                })
                .notifying(consumer)
                .build();
        executor = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, name));
        failure.set(null);
        restartAt = null;
        startedAt = Instant.now();
        running = true;
        executor.execute(engine);
    }

    private void scheduleRestart() {
        if (!stopped) { // checked before the lock: stop() holds it while it waits for this thread
            scheduleRestartLocked();
        }
    }

    private synchronized void scheduleRestartLocked() {
        if (stopped || positionLost()) {
            return;
        }
        if (Duration.between(startedAt, Instant.now()).compareTo(STABLE) > 0) {
            backOff = FIRST_BACK_OFF;
        }
        restartAt = Instant.now().plus(backOff);
        log.warn("Starting the {} engine again in {} s", name, backOff.toSeconds());
        restarts.schedule(this::restart, backOff.toMillis(), TimeUnit.MILLISECONDS);
        backOff = backOff.multipliedBy(2).compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : backOff.multipliedBy(2);
    }

    private synchronized void restart() {
        if (!stopped && !running) {
            launch();
        }
    }

    /** When the engine that stopped on its own starts again, or null when it is not going to by itself. */
    public Instant restartAt() {
        return running ? null : restartAt;
    }

    /** Closes the engine and waits for its thread, at most {@code timeout}. */
    public synchronized void stop(Duration timeout) {
        stopped = true;
        restartAt = null;
        try {
            if (engine != null) {
                engine.close();
            }
            if (executor != null) {
                executor.shutdown();
                if (!executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    log.warn("The {} engine did not stop within {}", name, timeout);
                }
            }
        } catch (IOException e) {
            log.warn("Closing the {} engine failed: {}", name, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            engine = null;
            executor = null;
            running = false;
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** Why the engine stopped on its own, if it did. */
    public Throwable failure() {
        return failure.get();
    }

    /**
     * Whether the engine stopped because its stored position is gone from the server: the binlog was purged, or the
     * database restored or re-created. {@code kit cdc resnapshot} recovers, with a new snapshot.
     */
    public boolean positionLost() {
        for (Throwable cause = failure.get(); cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && POSITION_LOST.stream().anyMatch(message::contains)) {
                return true;
            }
        }
        return false;
    }
}
