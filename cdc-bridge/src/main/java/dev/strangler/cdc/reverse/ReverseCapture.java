package dev.strangler.cdc.reverse;

import dev.strangler.cdc.config.CdcProperties;
import dev.strangler.cdc.config.DebeziumConfiguration;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * The reverse path's engine on the services' outbox tables. Switched on and off at runtime (by the playbook's
 * write cut-over and its rollback); the switch is persisted, so a restarted bridge resumes in the same direction.
 */
public final class ReverseCapture implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReverseCapture.class);

    private final CdcProperties cdc;
    private final ReverseProperties reverse;
    private final String kafkaBootstrapServers;
    private final ReverseApplier applier;
    private final ReverseSwitch toggle;
    private final ReverseStatistics statistics;
    private final Clock clock;
    private ExecutorService executor;
    private DebeziumEngine<ChangeEvent<String, String>> engine;
    private volatile boolean running;
    private volatile boolean lifecycleStarted;
    private volatile String failure;

    public ReverseCapture(CdcProperties cdc, ReverseProperties reverse, String kafkaBootstrapServers, JdbcTemplate legacy,
                          TransactionTemplate transactions, ObjectMapper json, ReverseStatistics statistics, Clock clock) {
        this.cdc = cdc;
        this.reverse = reverse;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.statistics = statistics;
        this.clock = clock;
        this.applier = new ReverseApplier(reverse.mappings(), legacy, transactions, cdc.kitTables().echoMarker(), json,
                statistics);
        this.toggle = new ReverseSwitch(Path.of(cdc.storage().directory()));
    }

    public record Status(boolean enabled, boolean running, String reason, String changedAt, String failure,
                         ReverseStatistics.Snapshot statistics) {
    }

    /** Turns the reverse path on or off and remembers it; idempotent. */
    public synchronized Status switchTo(boolean enabled, String reason) {
        toggle.write(enabled, reason, clock.instant());
        if (enabled && !running) {
            startEngine();
        } else if (!enabled && running) {
            stopEngine();
        }
        return status();
    }

    public synchronized Status status() {
        ReverseSwitch.State state = toggle.read();
        return new Status(state.enabled(), running, state.reason(),
                state.changedAt() == null ? null : state.changedAt().toString(), failure, statistics.snapshot());
    }

    @Override
    public synchronized void start() {
        lifecycleStarted = true;
        if (toggle.read().enabled()) {
            startEngine();
        }
    }

    @Override
    public synchronized void stop() {
        stopEngine();
        lifecycleStarted = false;
    }

    @Override
    public boolean isRunning() {
        return lifecycleStarted;
    }

    /** After the forward path, so the echo markers it relies on are seen from the start. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE + 1;
    }

    private void startEngine() {
        failure = null;
        engine = DebeziumEngine.create(Json.class)
                .using(DebeziumConfiguration.reverse(cdc, reverse.serverId(), reverse.topicPrefix(),
                        reverse.outboxTables(), kafkaBootstrapServers))
                .using((success, message, error) -> {
                    running = false;
                    if (!success) {
                        failure = message;
                        log.error("The reverse path stopped: {}", message, error);
                    }
                })
                .notifying(applier)
                .build();
        executor = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "kit-cdc-reverse"));
        running = true;
        executor.execute(engine);
        log.info("Reverse path on: {} into the legacy tables", reverse.outboxTables());
    }

    private void stopEngine() {
        if (engine == null) {
            return;
        }
        try {
            engine.close();
            executor.shutdown();
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("The reverse path did not stop within 30 s");
            }
        } catch (IOException e) {
            log.warn("Closing the reverse path failed: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            engine = null;
            running = false;
        }
        log.info("Reverse path off");
    }
}
