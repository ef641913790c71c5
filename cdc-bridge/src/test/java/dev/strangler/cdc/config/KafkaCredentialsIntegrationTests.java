package dev.strangler.cdc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.strangler.cdc.publish.ReliableProducer;
import dev.strangler.infra.kafka.EmbeddedKafkaBroker;
import dev.strangler.infra.kafka.KafkaClientEnvironment;
import dev.strangler.infra.kafka.SaslUsers;
import io.debezium.embedded.EmbeddedWorkerConfig;
import io.debezium.embedded.KafkaConnectUtil;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.storage.KafkaOffsetBackingStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.util.unit.DataSize;

/**
 * The kit's Kafka clients on a broker that authenticates (SASL/SCRAM) and authorizes (ACLs) as a production cluster
 * does, each configured by the environment variables of Boot's {@code spring.kafka.*} settings: a part writes the
 * topics it owns and reads the ones it consumes, a client without credentials gets nothing, and another part's
 * credentials cannot write the change topics or the toggle topic.
 */
class KafkaCredentialsIntegrationTests {

    private static final String CHANGES = "legacy.member";
    private static final String DEAD_LETTERS = CHANGES + ".dlt";
    private static final String TOGGLES = "strangler.proxy.toggles";
    private static final String SERVICE_GROUP = "extracted-member-service";
    private static final SaslUsers USERS = new SaslUsers("kafka-admin", "admin-secret",
            Map.of("proxy", "proxy-secret", "cdc", "cdc-secret", "member-service", "member-secret"));

    @TempDir
    static Path home;

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBrokerWithAcls() throws Exception {
        broker = new EmbeddedKafkaBroker(freePort(), freePort(), home, USERS);
        broker.start();
        Map<String, Object> admin = USERS.clientProperties(USERS.superUser());
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        List<AclBinding> acls = new ArrayList<>();
        // The README's kafka-acls.sh lines, as the test grants them.
        acls.addAll(allow("proxy", topic(PatternType.LITERAL, TOGGLES), AclOperation.READ, AclOperation.WRITE,
                AclOperation.DESCRIBE, AclOperation.CREATE, AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS));
        acls.addAll(allow("cdc", topic(PatternType.PREFIXED, "legacy."), AclOperation.WRITE, AclOperation.DESCRIBE,
                AclOperation.CREATE));
        acls.addAll(allow("cdc", topic(PatternType.PREFIXED, "legacy.cdc-"), AclOperation.READ,
                AclOperation.DESCRIBE_CONFIGS));
        acls.addAll(allow("member-service", topic(PatternType.PREFIXED, "legacy."), AclOperation.READ,
                AclOperation.DESCRIBE));
        acls.addAll(allow("member-service", topic(PatternType.LITERAL, DEAD_LETTERS), AclOperation.WRITE));
        acls.addAll(allow("member-service", new ResourcePattern(ResourceType.GROUP, SERVICE_GROUP,
                PatternType.PREFIXED), AclOperation.READ));
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(CHANGES, 1, (short) 1), new NewTopic(DEAD_LETTERS, 1, (short) 1),
                    new NewTopic(TOGGLES, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
            client.createAcls(acls).all().get(10, TimeUnit.SECONDS);
            // The broker serves ACLs from the metadata it has replayed: wait until it has all of them.
            await().atMost(Duration.ofSeconds(10)).until(() -> client.describeAcls(AclBindingFilter.ANY).values()
                    .get(5, TimeUnit.SECONDS).size() == acls.size());
        }
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theBridgeWritesAChangeAndTheServiceReadsItWithTheirOwnCredentials() throws Exception {
        try (Producer<byte[], byte[]> bridge = bridgeProducer()) {
            bridge.send(new ProducerRecord<>(CHANGES, bytes("42"), bytes("{\"MBR_NO\":42}"))).get(10, TimeUnit.SECONDS);
        }
        // The service's consumer as Boot's auto-configuration builds it, from the same settings.
        Map<String, Object> consumer = settings("member-service").buildConsumerProperties();
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"); // as the services' application.yml
        try (Consumer<String, String> service = new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(),
                new StringDeserializer()).createConsumer(SERVICE_GROUP, null)) {
            service.subscribe(List.of(CHANGES));
            List<String> read = new ArrayList<>();
            await().atMost(Duration.ofSeconds(15)).pollInSameThread().until(() -> {
                service.poll(Duration.ofMillis(200)).forEach((ConsumerRecord<String, String> record) ->
                        read.add(record.key() + "=" + record.value()));
                return !read.isEmpty();
            });
            assertThat(read).containsExactly("42={\"MBR_NO\":42}");
        }
    }

    @Test
    void theProxyWritesTheToggleTopicAndNoOtherPartDoes() throws Exception {
        try (KafkaProducer<String, String> proxy = bootProducer("proxy")) {
            proxy.send(new ProducerRecord<>(TOGGLES, "members-read", "{\"mode\":\"SHADOW\"}"))
                    .get(10, TimeUnit.SECONDS);
        }
        try (Producer<byte[], byte[]> bridge = bridgeProducer()) {
            assertThatThrownBy(() -> bridge.send(new ProducerRecord<>(TOGGLES, bytes("members-read"),
                    bytes("{\"mode\":\"EXTRACTED\"}"))).get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void onlyTheBridgeWritesTheChangeTopics() {
        try (KafkaProducer<String, String> service = bootProducer("member-service");
             KafkaProducer<String, String> proxy = bootProducer("proxy")) {
            // The service may write its dead letters, and nothing else under legacy.
            ProducerRecord<String, String> forged = new ProducerRecord<>(CHANGES, "42", "{\"MBR_NO\":42,\"forged\":1}");
            assertThatThrownBy(() -> service.send(forged).get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
            assertThatThrownBy(() -> proxy.send(forged).get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aClientWithoutCredentialsOrWithAWrongPasswordGetsNothing() {
        Map<String, Object> anonymous = KafkaConnection.plaintext(broker.bootstrapServers()).clientProperties();
        anonymous.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000);
        anonymous.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000);
        try (Admin client = Admin.create(anonymous)) {
            assertThatThrownBy(() -> client.describeCluster().nodes().get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TimeoutException.class);
        }
        Map<String, Object> wrongPassword = KafkaConnection.of(settings("cdc", "not-the-password")).clientProperties();
        try (Admin client = Admin.create(wrongPassword)) {
            assertThatThrownBy(() -> client.describeCluster().nodes().get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    /** The kit's commands ('kit dlt') read the same variables; a part sees only the topics its ACLs name. */
    @Test
    void theKitsCommandsLogInFromTheSameVariables() throws Exception {
        Map<String, Object> config = KafkaClientEnvironment.security(environment("member-service", "member-secret"));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin client = Admin.create(config)) {
            assertThat(client.listTopics().names().get(10, TimeUnit.SECONDS))
                    .contains(CHANGES, DEAD_LETTERS).doesNotContain(TOGGLES);
        }
    }

    /** Debezium's Kafka offset store (CDC_STORAGE=KAFKA) logs in with the settings the bridge hands it. */
    @Test
    void debeziumsOffsetStoreLogsInAsTheBridge() throws Exception {
        Properties debezium = new Properties();
        KafkaConnection.of(settings("cdc")).applyTo(debezium);
        Map<String, String> config = new HashMap<>();
        debezium.stringPropertyNames().forEach(key -> config.put(key, debezium.getProperty(key)));
        config.put("bootstrap.servers", broker.bootstrapServers());
        config.put("offset.storage.topic", "legacy.cdc-offsets.forward");
        config.put("offset.storage.partitions", "1");
        config.put("offset.storage.replication.factor", "1");
        KafkaOffsetBackingStore store = KafkaConnectUtil.kafkaOffsetBackingStore(config);
        store.configure(new EmbeddedWorkerConfig(config));
        store.start();
        try {
            ByteBuffer key = ByteBuffer.wrap(bytes("forward"));
            store.set(Map.of(key, ByteBuffer.wrap(bytes("{\"pos\":4}"))), (error, result) -> { })
                    .get(10, TimeUnit.SECONDS);
            assertThat(store.get(List.of(key)).get(10, TimeUnit.SECONDS).get(key))
                    .isEqualTo(ByteBuffer.wrap(bytes("{\"pos\":4}")));
        } finally {
            store.stop();
        }
    }

    /** What a part's environment makes of {@code spring.kafka.*}: the variables the README lists. */
    private static KafkaProperties settings(String user) {
        return settings(user, USERS.passwords().get(user));
    }

    private static KafkaProperties settings(String user, String password) {
        Map<String, Object> environment = new HashMap<>(environment(user, password));
        return new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)))
                .bindOrCreate("spring.kafka", KafkaProperties.class);
    }

    private static Map<String, String> environment(String user, String password) {
        return Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-256",
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule"
                        + " required username=\"" + user + "\" password=\"" + password + "\";");
    }

    /** The bridge's publisher, from the bridge's settings. */
    private static Producer<byte[], byte[]> bridgeProducer() {
        return ReliableProducer.create(KafkaConnection.of(settings("cdc")), "kit-cdc-forward",
                new CdcProperties.Producer(CdcProperties.Compression.NONE, DataSize.ofKilobytes(16)));
    }

    /** A producer as the proxy's toggle log and Boot's own factories build one: {@code buildProducerProperties}. */
    private static KafkaProducer<String, String> bootProducer(String user) {
        Map<String, Object> config = settings(user).buildProducerProperties();
        config.put("acks", "all");
        config.put("max.block.ms", 10_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static List<AclBinding> allow(String user, ResourcePattern resource, AclOperation... operations) {
        return Arrays.stream(operations).map(operation -> new AclBinding(resource,
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW))).toList();
    }

    private static ResourcePattern topic(PatternType type, String name) {
        return new ResourcePattern(ResourceType.TOPIC, name, type);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
