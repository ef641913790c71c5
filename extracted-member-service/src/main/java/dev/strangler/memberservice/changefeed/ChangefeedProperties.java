package dev.strangler.memberservice.changefeed;

import dev.strangler.service.changefeed.ChangefeedTopics;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The topics the service consumes (written by the CDC bridge) and where unreadable events go.
 *
 * @param memberTopic      TB_MEMBER changes ({@code MEMBER_TOPIC}, legacy.member)
 * @param orderTopic       TB_ORDER changes, for the open-order rule of deletes ({@code ORDER_TOPIC}, legacy.order)
 * @param orderEventsTopic the order service's events, relayed from its outbox ({@code ORDER_EVENTS_TOPIC},
 *                         outbox.event.Order): the orders' changes once that service owns order writes
 * @param deadLetterSuffix appended to a topic's name for its dead-letter topic (.dlt)
 * @param partitions       partitions of the topics the service creates when they are missing (1)
 * @param chunkSize        rows per set-wise statement of a batch (500): bounds the statements, whatever a poll
 *                         returns ({@code spring.kafka.consumer.max-poll-records})
 */
@Validated
@ConfigurationProperties("kit.member.changefeed")
public record ChangefeedProperties(
        @NotBlank String memberTopic,
        @NotBlank String orderTopic,
        @NotBlank String orderEventsTopic,
        @NotBlank String deadLetterSuffix,
        @DefaultValue("1") @Positive int partitions,
        @DefaultValue("500") @Positive int chunkSize) implements ChangefeedTopics {

    @Override
    public List<String> topics() {
        return List.of(memberTopic, orderTopic, orderEventsTopic);
    }

    @Override
    public String deadLetterTopic(String topic) {
        return topic + deadLetterSuffix;
    }
}
