package dev.strangler.service.outbox;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long sent events stay in OUTBOX_EVENT. The CDC bridge reads the outbox from the binlog, not from the table,
 * so a row is only kept for people (and tests) to look at; pruning keeps the table small.
 *
 * @param retention     rows older than this are deleted (10 minutes)
 * @param pruneInterval how often (1 minute)
 */
@Validated
@ConfigurationProperties("kit.outbox")
public record OutboxProperties(@DefaultValue("10m") @NotNull Duration retention,
                               @DefaultValue("1m") @NotNull Duration pruneInterval) {
}
