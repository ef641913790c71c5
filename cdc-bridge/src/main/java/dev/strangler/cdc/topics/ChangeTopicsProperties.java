package dev.strangler.cdc.topics;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The topics the bridge publishes to, created at start-up where missing: each captured table's change topic and the
 * event topic of each aggregate type the reverse path maps.
 *
 * @param partitions        partitions of each topic ({@code KIT_CHANGE_TOPIC_PARTITIONS}, 1): the most instances of a
 *                          service that consume a topic at once. Records are keyed by the row's primary key (an event
 *                          by its aggregate id), so a row's changes stay in one partition, in order. An existing topic
 *                          with fewer partitions stops start-up: adding partitions would reorder its rows' changes
 * @param replicationFactor replicas of each topic created; absent, the broker's {@code default.replication.factor}
 */
@Validated
@ConfigurationProperties("kit.cdc.topics")
public record ChangeTopicsProperties(@DefaultValue("1") @Positive int partitions,
                                     @Min(1) @Max(Short.MAX_VALUE) Integer replicationFactor) {
}
