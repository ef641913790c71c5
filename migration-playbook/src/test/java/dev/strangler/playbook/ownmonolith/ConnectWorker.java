package dev.strangler.playbook.ownmonolith;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.distributed.DistributedHerder;

/**
 * A Kafka Connect worker in distributed mode, Kafka's own runtime, in this JVM: its configs, offsets and status in
 * topics of the broker, its REST API on 127.0.0.1. Debezium's connector is found on the class path, as on a worker's
 * plugin path.
 */
final class ConnectWorker implements AutoCloseable {

    private final Connect<DistributedHerder> connect;

    private ConnectWorker(Connect<DistributedHerder> connect) {
        this.connect = connect;
    }

    /**
     * @param group   the worker group, and the prefix of its internal topics
     * @param secrets a directory whose properties files {@code ${file:...}} references read
     */
    static ConnectWorker start(String bootstrapServers, String group, int port, Path secrets) {
        Map<String, String> worker = new HashMap<>();
        worker.put("bootstrap.servers", bootstrapServers);
        worker.put("group.id", group);
        worker.put("config.storage.topic", group + ".configs");
        worker.put("offset.storage.topic", group + ".offsets");
        worker.put("status.storage.topic", group + ".statuses");
        // One broker: the internal topics with one replica (3 on a cluster, Connect's default).
        worker.put("config.storage.replication.factor", "1");
        worker.put("offset.storage.replication.factor", "1");
        worker.put("offset.storage.partitions", "1");
        worker.put("status.storage.replication.factor", "1");
        worker.put("status.storage.partitions", "1");
        worker.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        worker.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        worker.put("listeners", "http://127.0.0.1:" + port);
        worker.put("rest.advertised.host.name", "127.0.0.1");
        worker.put("rest.advertised.port", Integer.toString(port));
        // Plugins by their ServiceLoader manifests: no scan of the whole test class path.
        worker.put("plugin.discovery", "service_load");
        worker.put("offset.flush.interval.ms", "1000");
        worker.put("scheduled.rebalance.max.delay.ms", "0");
        worker.put("exactly.once.source.support", "enabled");
        // Secrets by reference: the connector's password is read from a file on the worker, not from its config.
        worker.put("config.providers", "file");
        worker.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        worker.put("config.providers.file.param.allowed.paths", secrets.toAbsolutePath().toString());
        return new ConnectWorker(new ConnectDistributed().startConnect(worker));
    }

    URI url() {
        return connect.rest().serverUrl();
    }

    @Override
    public void close() {
        connect.stop();
        connect.awaitStop();
    }
}
