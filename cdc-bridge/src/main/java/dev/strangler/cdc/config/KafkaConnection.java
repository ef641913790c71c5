package dev.strangler.cdc.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Where the bridge's Kafka clients connect and how they log in: the brokers and the security part of Boot's
 * {@code spring.kafka.*} settings ({@code security.protocol}, {@code ssl.*}, and {@code sasl.*} under
 * {@code spring.kafka.properties}). The clients the bridge builds itself (its producers, the preflight, the
 * barrier, the reverse path's consumer, Debezium's offset store and schema history) all start from here, so the
 * settings that configure Boot's own Kafka clients configure these too.
 *
 * @param bootstrapServers the brokers, comma-separated
 * @param security         the client settings that authenticate and encrypt, by Kafka's names
 */
public record KafkaConnection(String bootstrapServers, Map<String, String> security) {

    public KafkaConnection {
        security = Map.copyOf(security);
    }

    /** The brokers and security settings as Boot reads them (the admin client's, which default to the shared ones). */
    public static KafkaConnection of(KafkaProperties kafka) {
        Map<String, String> security = new TreeMap<>();
        kafka.buildAdminProperties().forEach((key, value) -> {
            if (value != null && isSecurity(key)) {
                security.put(key, value.toString());
            }
        });
        return new KafkaConnection(String.join(",", kafka.getBootstrapServers()), security);
    }

    /** Brokers without authentication or TLS (the embedded broker). */
    public static KafkaConnection plaintext(String bootstrapServers) {
        return new KafkaConnection(bootstrapServers, Map.of());
    }

    /** A new client configuration with the brokers and the security settings, for a client to add its own to. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> properties = new HashMap<>(security);
        properties.put("bootstrap.servers", bootstrapServers);
        return properties;
    }

    /**
     * Debezium's own Kafka clients: the offset store (and its admin client) read the connector's top-level
     * settings, the schema history only those under its producer and consumer prefixes.
     */
    void applyTo(Properties debezium) {
        security.forEach((key, value) -> {
            debezium.setProperty(key, value);
            debezium.setProperty("schema.history.internal.producer." + key, value);
            debezium.setProperty("schema.history.internal.consumer." + key, value);
        });
    }

    private static boolean isSecurity(String key) {
        return key.equals("security.protocol") || key.startsWith("sasl.") || key.startsWith("ssl.");
    }

    /** The brokers only: the security settings hold passwords. */
    @Override
    public String toString() {
        return bootstrapServers;
    }
}
