package dev.strangler.cdc.config;

import dev.strangler.cdc.config.CdcProperties.CapturedTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The forward path as a Kafka Connect connector. Its Debezium properties are the embedded engine's
 * ({@link DebeziumConfiguration#forwardConnector}); what the bridge's publisher does to each record, Connect does
 * with its own parts: Kafka's JSON converter configured as the publisher's, one topic route per captured table, the
 * watermark table routed to the topic the bridge's barriers follow, and every other record (signals, echo markers,
 * transaction boundaries) dropped. Consumers read the same topics, keys and values either way. Not carried over: the
 * {@code kit-echo} header on the reverse path's own writes, which the bridge's metrics count and no consumer reads.
 */
public final class KafkaConnectConnector {

    static final String JSON_CONVERTER = "org.apache.kafka.connect.json.JsonConverter";
    /** The schema history of a connector on Connect: a topic of its own, as its offsets are Connect's. */
    static final String PATH = "connect";

    private KafkaConnectConnector() {
    }

    /** How a secret appears in the rendered configuration. */
    public interface Secrets {

        /**
         * @param variable the environment variable the bridge reads it from, by which the worker finds it too
         * @param value    the secret itself
         */
        String render(String variable, String value);

        /** A reference to the Connect worker's environment ({@code EnvVarConfigProvider} named {@code env}). */
        static Secrets fromEnvironment() {
            return (variable, value) -> "${env:" + variable + "}";
        }

        /** A reference to a properties file on the Connect worker ({@code FileConfigProvider} named {@code file}). */
        static Secrets fromFile(String path) {
            return (variable, value) -> "${file:" + path + ":" + variable + "}";
        }

        /** The secret in clear, for a worker without config providers. */
        static Secrets revealed() {
            return (variable, value) -> value;
        }
    }

    /** The connector's name and configuration, as {@code POST /connectors} takes them. */
    public record Connector(String name, Map<String, String> config) {
    }

    /**
     * @param kafka the cluster of the schema history topic (the Connect cluster's), with its client security
     */
    public static Connector forward(CdcProperties cdc, KafkaConnection kafka, Secrets secrets) {
        Properties p = DebeziumConfiguration.forwardConnector(cdc);
        p.setProperty("tasks.max", "1"); // a binlog is read by one task
        String prefix = cdc.source().topicPrefix();
        p.setProperty("schema.history.internal", "io.debezium.storage.kafka.history.KafkaSchemaHistory");
        p.setProperty("schema.history.internal.kafka.topic",
                DebeziumConfiguration.schemaHistoryTopic(cdc.storage(), prefix, PATH));
        p.setProperty("schema.history.internal.kafka.bootstrap.servers", kafka.bootstrapServers());
        kafka.security().forEach((key, value) -> {
            p.setProperty("schema.history.internal.producer." + key, value);
            p.setProperty("schema.history.internal.consumer." + key, value);
        });
        converters(p);
        transforms(p, cdc);
        cdc.debezium().forEach(p::setProperty);
        Map<String, String> config = new TreeMap<>();
        p.stringPropertyNames().forEach(key -> config.put(key, secret(key, p.getProperty(key), secrets)));
        return new Connector(config.get("name"), config);
    }

    /** Keys and values as the publisher writes them ({@link DebeziumConfiguration#CHANGE_EVENT_JSON}). */
    private static void converters(Properties p) {
        for (String side : List.of("key", "value")) {
            p.setProperty(side + ".converter", JSON_CONVERTER);
            DebeziumConfiguration.CHANGE_EVENT_JSON.forEach((key, value) ->
                    p.setProperty(side + ".converter." + key, value));
        }
    }

    /**
     * A route per captured table (Debezium names a table's records {@code <topic prefix>.<database>.<table>}), the
     * watermark table's to the watermark topic, then a filter that keeps only what was routed.
     */
    private static void transforms(Properties p, CdcProperties cdc) {
        String prefix = cdc.source().topicPrefix();
        List<String> transforms = new ArrayList<>();
        List<CapturedTable> tables = cdc.tables();
        for (int i = 0; i < tables.size(); i++) {
            transforms.add(route(p, "kitTopic" + i, prefix + "." + tables.get(i).table(), tables.get(i).topic()));
        }
        String watermarkTopic = cdc.forward().watermarkTopic(prefix);
        transforms.add(route(p, "kitWatermark", prefix + "." + cdc.kitTables().watermark(), watermarkTopic));
        List<String> published = new ArrayList<>(tables.stream().map(CapturedTable::topic).toList());
        published.add(watermarkTopic);
        p.setProperty("predicates", "kitPublished");
        p.setProperty("predicates.kitPublished.type",
                "org.apache.kafka.connect.transforms.predicates.TopicNameMatches");
        p.setProperty("predicates.kitPublished.pattern", published.stream().distinct().map(Pattern::quote)
                .collect(Collectors.joining("|")));
        transforms.add("kitPublishedOnly");
        p.setProperty("transforms.kitPublishedOnly.type", "org.apache.kafka.connect.transforms.Filter");
        p.setProperty("transforms.kitPublishedOnly.predicate", "kitPublished");
        p.setProperty("transforms.kitPublishedOnly.negate", "true");
        p.setProperty("transforms", String.join(",", transforms));
    }

    private static String route(Properties p, String name, String from, String to) {
        p.setProperty("transforms." + name + ".type", "org.apache.kafka.connect.transforms.RegexRouter");
        p.setProperty("transforms." + name + ".regex", Pattern.quote(from));
        p.setProperty("transforms." + name + ".replacement", to);
        return name;
    }

    /** The environment variable a secret property is read from, or null when the property is no secret. */
    static String secretVariable(String key) {
        if (key.equals("database.password")) {
            return "CDC_DB_PASSWORD";
        }
        if (key.equals("database.ssl.truststore.password")) {
            return "CDC_DB_TRUST_STORE_PASSWORD";
        }
        // The schema history's Kafka clients: the variables of Boot's settings the bridge reads them from.
        String client = key.replaceFirst("^schema\\.history\\.internal\\.(producer|consumer)\\.", "");
        return switch (client) {
            case "sasl.jaas.config" -> "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG";
            case "ssl.truststore.password" -> "SPRING_KAFKA_SSL_TRUST_STORE_PASSWORD";
            case "ssl.keystore.password" -> "SPRING_KAFKA_SSL_KEY_STORE_PASSWORD";
            case "ssl.key.password" -> "SPRING_KAFKA_SSL_KEY_PASSWORD";
            default -> client.startsWith("ssl.") && client.endsWith("password")
                    ? "SPRING_KAFKA_PROPERTIES_" + client.toUpperCase(Locale.ROOT).replace('.', '_') : null;
        };
    }

    private static String secret(String key, String value, Secrets secrets) {
        String variable = secretVariable(key);
        return variable == null ? value : secrets.render(variable, value);
    }
}
