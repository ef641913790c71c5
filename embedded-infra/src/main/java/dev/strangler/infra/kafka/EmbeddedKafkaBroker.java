package dev.strangler.infra.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), from the Kafka artifacts.
 * Its storage is formatted on first start and kept, so topics and committed offsets survive a restart.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final int port;
    private final int controllerPort;
    private final Path home;
    private KafkaRaftServer server;

    public EmbeddedKafkaBroker(int port, int controllerPort, Path home) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.home = home.toAbsolutePath();
    }

    public void start() {
        Properties properties = brokerProperties();
        formatStorageOnce(properties);
        log.info("Starting Kafka on 127.0.0.1:{} with logs in {}", port, home.resolve("logs"));
        server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        server.startup();
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
        return p;
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
            // execute, not main: main exits the JVM.
            int exit = StorageTool.execute(new String[] {
                    "format", "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString()},
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
