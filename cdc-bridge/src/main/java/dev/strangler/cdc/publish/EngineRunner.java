package dev.strangler.cdc.publish;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import java.io.IOException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One Debezium embedded engine on an executor of its own: started, stopped, and why it stopped on its own. */
public final class EngineRunner {

    private static final Logger log = LoggerFactory.getLogger(EngineRunner.class);

    private final String name;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private ExecutorService executor;
    private DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private volatile boolean running;

    /** @param name the thread's name, and the engine's in log lines */
    public EngineRunner(String name) {
        this.name = name;
    }

    public synchronized void start(Properties configuration, AcknowledgedBatches consumer) {
        engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(configuration)
                .using((success, message, error) -> {
                    running = false;
                    if (!success) {
                        failure.set(error == null ? new IllegalStateException(message) : error);
                        log.error("The {} engine stopped: {}", name, message, error);
                    }
                })
                .notifying(consumer)
                .build();
        executor = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, name));
        failure.set(null);
        running = true;
        executor.execute(engine);
    }

    /** Closes the engine and waits for its thread, at most {@code timeout}. */
    public synchronized void stop(Duration timeout) {
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
}
