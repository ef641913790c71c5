package dev.strangler.bench.cdc;

import dev.strangler.infra.DatabaseAccount;
import dev.strangler.infra.InfraSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Connections to the running stack, from the same environment variables as 'kit up'. */
final class BenchStack {

    final InfraSettings infra = InfraSettings.fromEnvironment(System.getenv());

    Connection legacy() throws SQLException {
        return connect(infra.legacy());
    }

    Connection member() throws SQLException {
        return connect(infra.member());
    }

    private Connection connect(DatabaseAccount account) throws SQLException {
        return DriverManager.getConnection(infra.jdbcUrl(account.database()), account.user(), account.password());
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()));
    }

    /** A consumer of every partition of the topic, positioned at its end: it sees only what comes next. */
    KafkaConsumer<String, String> consumerAtEnd(String topic) {
        KafkaConsumer<String, String> consumer = consumer();
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private KafkaConsumer<String, String> consumer() {
        Properties config = new Properties();
        config.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "cdc-bench-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10"));
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
