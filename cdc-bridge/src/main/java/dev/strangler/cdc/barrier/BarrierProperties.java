package dev.strangler.cdc.barrier;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Barriers: "every change committed before now has been applied by every consumer that serves traffic". The
 * proxy asks for one before it serves a request that depends on a write another side took; the playbook asks for
 * one to drain the forward path at a write cut-over.
 *
 * @param groupPrefixes consumer groups whose id starts with one of these are waited for (the extracted services'
 *                      groups); the reverse path's own group is added while it is on
 * @param maxWait       the longest a barrier waits before it answers that it is not complete
 * @param pollInterval  how often the groups' committed offsets are read while waiting
 */
@Validated
@ConfigurationProperties("kit.cdc.barrier")
public record BarrierProperties(@NotNull List<String> groupPrefixes,
                                @DefaultValue("10s") @NotNull Duration maxWait,
                                @DefaultValue("10ms") @NotNull Duration pollInterval) {

    public BarrierProperties {
        groupPrefixes = List.copyOf(groupPrefixes);
    }
}
