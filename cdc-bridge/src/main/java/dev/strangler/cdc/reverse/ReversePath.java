package dev.strangler.cdc.reverse;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * The reverse path: a Kafka consumer of the services' event topics that writes the legacy tables. Switched on and
 * off at runtime (by the playbook's write cut-over and its rollback); the switch is persisted, so a restarted bridge
 * resumes in the same direction, and the consumer group's committed offsets are its position, so events published
 * while it was off are applied when it comes back.
 */
public final class ReversePath implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReversePath.class);

    private final ConcurrentMessageListenerContainer<String, String> consumer;
    private final String consumerGroup;
    private final ReverseSwitch toggle;
    private final ReverseStatistics statistics;
    private final Clock clock;
    private volatile boolean lifecycleStarted;

    ReversePath(ConcurrentMessageListenerContainer<String, String> consumer, String consumerGroup, Path stateDirectory,
                ReverseStatistics statistics, Clock clock) {
        this.consumer = consumer;
        this.consumerGroup = consumerGroup;
        this.toggle = new ReverseSwitch(stateDirectory);
        this.statistics = statistics;
        this.clock = clock;
    }

    /**
     * @param enabled   the switch
     * @param running   whether the consumer runs
     * @param failed    whether it stopped on an error it could not get past (its log says which)
     * @param group     its consumer group
     * @param reason    why the switch was last set
     * @param changedBy the control token's name that set it (null for a switch written before names were kept)
     * @param changedAt when
     */
    public record Status(boolean enabled, boolean running, boolean failed, String group, String reason,
                         String changedBy, String changedAt,
                         ReverseStatistics.Snapshot statistics) {
    }

    /**
     * Turns the reverse path on or off and remembers it, with who asked; idempotent.
     *
     * @param by the control token's name that asked
     */
    public synchronized Status switchTo(boolean enabled, String reason, String by) {
        toggle.write(enabled, reason, by, clock.instant());
        if (enabled && !consumer.isRunning()) {
            consumer.start();
            log.info("Reverse path on by token '{}': the services' events into the legacy tables ({})", by, reason);
        } else if (!enabled && consumer.isRunning()) {
            consumer.stop();
            log.info("Reverse path off by token '{}' ({})", by, reason);
        }
        return status();
    }

    public synchronized Status status() {
        ReverseSwitch.State state = toggle.read();
        return new Status(state.enabled(), consumer.isRunning(), !consumer.isInExpectedState(), consumerGroup,
                state.reason(), state.by(),
                state.changedAt() == null ? null : state.changedAt().toString(), statistics.snapshot());
    }

    /** The consumer group a barrier must wait for: the reverse path's, while it runs. */
    public Optional<String> activeGroup() {
        return consumer.isRunning() ? Optional.of(consumerGroup) : Optional.empty();
    }

    @Override
    public synchronized void start() {
        lifecycleStarted = true;
        if (toggle.read().enabled()) {
            consumer.start();
        }
    }

    @Override
    public synchronized void stop() {
        if (consumer.isRunning()) {
            consumer.stop();
        }
        lifecycleStarted = false;
    }

    @Override
    public boolean isRunning() {
        return lifecycleStarted;
    }
}
