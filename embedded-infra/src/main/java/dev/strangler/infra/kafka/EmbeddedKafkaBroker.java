package dev.strangler.infra.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), from the Kafka artifacts.
 * Its storage is formatted on first start and kept, so topics and committed offsets survive a restart.
 * PLAINTEXT without authorization unless started with {@link SaslUsers}: then SASL_PLAINTEXT with SCRAM-SHA-256 for
 * clients, PLAIN between the broker and its controller, and ACLs on every request (the StandardAuthorizer).
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final int port;
    private final int controllerPort;
    private final Path home;
    private final SaslUsers sasl;
    private KafkaRaftServer server;

    public EmbeddedKafkaBroker(int port, int controllerPort, Path home) {
        this(port, controllerPort, home, null);
    }

    /** @param sasl the users of a broker that authenticates and authorizes its clients; null for PLAINTEXT */
    public EmbeddedKafkaBroker(int port, int controllerPort, Path home, SaslUsers sasl) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.home = home.toAbsolutePath();
        this.sasl = sasl;
    }

    public void start() {
        Properties properties = brokerProperties();
        formatStorageOnce(properties);
        log.info("Starting Kafka on 127.0.0.1:{} with logs in {}", port, home.resolve("logs"));
        server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        server.startup();
        if (sasl != null && !sasl.passwords().isEmpty()) {
            createUsers();
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    Properties brokerProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", home.resolve("logs").toString());
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "true");
        // One node: every internal topic has one replica, and small ones start fast.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        if (sasl != null) {
            authenticateAndAuthorize(p);
        }
        return p;
    }

    /**
     * SCRAM for clients (its credentials live in the cluster's metadata), PLAIN with the super user between broker and
     * controller: a controller cannot check SCRAM credentials it has not loaded yet.
     */
    private void authenticateAndAuthorize(Properties p) {
        p.put("listeners", "SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + port);
        p.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        p.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        p.put("sasl.enabled.mechanisms", SaslUsers.MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", SaslUsers.MECHANISM);
        p.put("listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config", SaslUsers.jaasConfig(
                "org.apache.kafka.common.security.scram.ScramLoginModule", sasl.superUser(), sasl.superUserPassword()));
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        // username and password: the broker's login to the controller; user_<name>: whom the controller accepts.
        p.put("listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + sasl.superUser()
                        + "\" password=\"" + sasl.superUserPassword() + "\" user_" + sasl.superUser() + "=\""
                        + sasl.superUserPassword() + "\";");
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:" + sasl.superUser());
        p.put("allow.everyone.if.no.acl.found", "false");
    }

    /** The other users' credentials, set on every start, so a restart with a new user or password takes it. */
    private void createUsers() {
        List<UserScramCredentialAlteration> users = new ArrayList<>();
        sasl.passwords().forEach((user, password) -> users.add(new UserScramCredentialUpsertion(user,
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 4096), password)));
        Map<String, Object> client = sasl.clientProperties(sasl.superUser());
        client.put("bootstrap.servers", bootstrapServers());
        try (Admin admin = Admin.create(client)) {
            admin.alterUserScramCredentials(users).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create the broker's SASL users " + sasl.passwords().keySet(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the broker's SASL users", e);
        }
    }

    private void formatStorageOnce(Properties properties) {
        try {
            Files.createDirectories(home.resolve("logs"));
            Path config = home.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(config)) {
                properties.store(out, "Written by the kit on every start; edit the kit's settings instead");
            }
            if (Files.exists(home.resolve("logs").resolve("meta.properties"))) {
                return; // formatted by an earlier start: keep its cluster id, topics and offsets
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            List<String> format = new ArrayList<>(List.of(
                    "format", "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString()));
            if (sasl != null) {
                // The super user's credential must exist before the broker first logs in with it.
                format.addAll(List.of("--add-scram", SaslUsers.MECHANISM + "=[name=" + sasl.superUser()
                        + ",password=" + sasl.superUserPassword() + "]"));
            }
            // execute, not main: main exits the JVM.
            int exit = StorageTool.execute(format.toArray(String[]::new),
                    new PrintStream(output, true, StandardCharsets.UTF_8));
            if (exit != 0) {
                throw new IllegalStateException("Kafka storage format failed: " + output.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Kafka's directories under " + home, e);
        }
    }

    @Override
    public void close() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }
}
