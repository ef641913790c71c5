package dev.strangler.proxy.toggle;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the toggle log. Start-up reads the whole compacted topic before the web server opens (phase 0
 * starts before it), so a restarted proxy serves from the state it had, never from the YAML's defaults. A flip
 * completes once Kafka acknowledged it and this instance applied it, so the caller reads its own write; every other
 * instance applies the same record from the same ordered log.
 */
@Component
class ToggleLog implements SmartLifecycle {

    private final ToggleLogProperties properties;
    private final KafkaClients clients;
    private final JsonMapper json;
    private final Toggles toggles;
    private final ConcurrentSkipListMap<Long, CompletableFuture<Void>> waiting = new ConcurrentSkipListMap<>();
    private volatile long appliedOffset = -1;
    private KafkaProducer<String, String> producer;
    private ToggleLogReader reader;

    ToggleLog(ToggleLogProperties properties, KafkaClients clients, JsonMapper json, Toggles toggles) {
        this.properties = properties;
        this.clients = clients;
        this.json = json;
        this.toggles = toggles;
    }

    /** Writes a route's new record; completes when this instance has applied it. */
    CompletableFuture<Void> write(RouteToggle toggle) {
        CompletableFuture<Void> applied = new CompletableFuture<>();
        String value = json.writeValueAsString(toggle);
        producer.send(new ProducerRecord<>(properties.topic(), toggle.route(), value), (metadata, error) -> {
            if (error != null) {
                applied.completeExceptionally(error);
                return;
            }
            waiting.put(metadata.offset(), applied);
            releaseWaiting();
        });
        return applied.orTimeout(properties.writeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void start() {
        clients.createCompactedTopic(properties.topic(), properties.startupTimeout());
        producer = clients.producer();
        CountDownLatch loaded = new CountDownLatch(1);
        reader = new ToggleLogReader(clients, properties.topic(), this::apply, loaded);
        reader.start();
        boolean done;
        try {
            done = loaded.await(properties.startupTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done = false;
        }
        if (!done || reader.failure() != null) {
            stop();
            throw new IllegalStateException("Could not read the route toggle log (topic '" + properties.topic()
                    + "' on " + clients.bootstrapServers() + ") within " + properties.startupTimeout()
                    + "; the proxy will not serve traffic on a toggle state it has not read. Check "
                    + "spring.kafka.bootstrap-servers (KIT_KAFKA_BOOTSTRAP)", reader.failure());
        }
    }

    private void apply(String route, String value, long offset) {
        toggles.apply(route, value == null ? null : json.readValue(value, RouteToggle.class));
        appliedOffset = offset;
        releaseWaiting();
    }

    private void releaseWaiting() {
        Map<Long, CompletableFuture<Void>> done = waiting.headMap(appliedOffset, true);
        done.values().forEach(future -> future.complete(null));
        done.clear();
    }

    @Override
    public void stop() {
        if (reader != null) {
            reader.stop(Duration.ofSeconds(5));
            reader = null;
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return reader != null;
    }

    @Override
    public int getPhase() {
        return 0;
    }
}
