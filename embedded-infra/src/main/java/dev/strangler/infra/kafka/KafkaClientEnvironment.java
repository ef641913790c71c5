package dev.strangler.infra.kafka;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Kafka security settings of a process that is not a Spring Boot application (the kit's commands), read from the
 * environment variables Boot binds to {@code spring.kafka.*}, so one set of variables configures every part:
 * {@code SPRING_KAFKA_SECURITY_PROTOCOL}, {@code SPRING_KAFKA_PROPERTIES_SASL_*} (as Boot does, {@code _} becomes
 * {@code .}: {@code SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG} is {@code sasl.jaas.config}) and
 * {@code SPRING_KAFKA_SSL_*}. Only the security settings: what else a client needs, it sets itself.
 */
public final class KafkaClientEnvironment {

    private static final String PROPERTIES = "SPRING_KAFKA_PROPERTIES_";
    private static final Map<String, String> SSL = Map.ofEntries(
            Map.entry("SPRING_KAFKA_SSL_KEY_PASSWORD", "ssl.key.password"),
            Map.entry("SPRING_KAFKA_SSL_KEY_STORE_CERTIFICATE_CHAIN", "ssl.keystore.certificate.chain"),
            Map.entry("SPRING_KAFKA_SSL_KEY_STORE_KEY", "ssl.keystore.key"),
            Map.entry("SPRING_KAFKA_SSL_KEY_STORE_LOCATION", "ssl.keystore.location"),
            Map.entry("SPRING_KAFKA_SSL_KEY_STORE_PASSWORD", "ssl.keystore.password"),
            Map.entry("SPRING_KAFKA_SSL_KEY_STORE_TYPE", "ssl.keystore.type"),
            Map.entry("SPRING_KAFKA_SSL_TRUST_STORE_CERTIFICATES", "ssl.truststore.certificates"),
            Map.entry("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION", "ssl.truststore.location"),
            Map.entry("SPRING_KAFKA_SSL_TRUST_STORE_PASSWORD", "ssl.truststore.password"),
            Map.entry("SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "ssl.truststore.type"),
            Map.entry("SPRING_KAFKA_SSL_PROTOCOL", "ssl.protocol"));

    private KafkaClientEnvironment() {
    }

    /** The client settings that authenticate and encrypt, by Kafka's names; empty for PLAINTEXT. */
    public static Map<String, Object> security(Map<String, String> environment) {
        Map<String, Object> security = new HashMap<>();
        environment.forEach((variable, value) -> {
            if (variable.startsWith(PROPERTIES) && hasText(value)) {
                String key = variable.substring(PROPERTIES.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                if (key.startsWith("sasl.") || key.startsWith("ssl.") || key.equals("security.protocol")) {
                    security.put(key, value);
                }
            }
        });
        // As in Boot, the dedicated settings win over the same key under spring.kafka.properties.
        SSL.forEach((variable, key) -> {
            String value = environment.get(variable);
            if (hasText(value)) {
                // A location is a Spring resource to Boot; here only a file can be meant.
                security.put(key, variable.endsWith("_LOCATION") ? value.trim().replaceFirst("^file:", "") : value);
            }
        });
        String protocol = environment.get("SPRING_KAFKA_SECURITY_PROTOCOL");
        if (hasText(protocol)) {
            security.put("security.protocol", protocol.trim());
        }
        return security;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
