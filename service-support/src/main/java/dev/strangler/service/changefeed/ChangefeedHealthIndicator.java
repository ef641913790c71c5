package dev.strangler.service.changefeed;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The change-feed listeners in the service's health: DOWN when one that should run does not (its consumer stopped
 * on an error it could not get past), since the service's tables then fall behind the legacy schema unseen.
 */
final class ChangefeedHealthIndicator implements HealthIndicator {

    private final KafkaListenerEndpointRegistry listeners;

    ChangefeedHealthIndicator(KafkaListenerEndpointRegistry listeners) {
        this.listeners = listeners;
    }

    @Override
    public Health health() {
        Map<String, String> states = new LinkedHashMap<>();
        Map<String, List<String>> partitions = new LinkedHashMap<>();
        String stopped = null;
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            String id = container.getListenerId();
            boolean running = container.isRunning() && container.isInExpectedState();
            states.put(id, running ? "running" : container.isInExpectedState() ? "stopped" : "failed");
            partitions.put(id, assigned(container));
            if (!running && container.isAutoStartup() && stopped == null) {
                stopped = id;
            }
        }
        Health.Builder health = stopped == null ? Health.up() : Health.down().withDetail("error",
                "change-feed listener '" + stopped + "' is not running, so this service's tables fall behind; "
                        + "its log says why");
        return health.withDetail("listeners", states).withDetail("partitions", partitions).build();
    }

    /**
     * What this instance consumes now: several instances of a service share each consumer group, so each holds some
     * partitions, and one with none (more instances than partitions) is idle, not broken.
     */
    private static List<String> assigned(MessageListenerContainer container) {
        Collection<TopicPartition> assigned = container.getAssignedPartitions();
        return assigned == null ? List.of() : assigned.stream().map(TopicPartition::toString).sorted().toList();
    }
}
