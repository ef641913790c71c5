package dev.strangler.orderservice.changefeed;

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
 * @param memberTopic      TB_MEMBER changes, for the member replica ({@code MEMBER_TOPIC}, legacy.member)
 * @param productTopic     TB_PRODUCT changes, for the product replica ({@code PRODUCT_TOPIC}, legacy.product)
 * @param orderTopic       TB_ORDER changes ({@code ORDER_TOPIC}, legacy.order)
 * @param orderItemTopic   TB_ORDER_ITEM changes ({@code ORDER_ITEM_TOPIC}, legacy.order-item)
 * @param memberEventsTopic the member service's events, relayed from its outbox ({@code MEMBER_EVENTS_TOPIC},
 *                         outbox.event.Member): the members' changes once that service owns member writes
 * @param deadLetterSuffix appended to a topic's name for its dead-letter topic (.dlt)
 * @param partitions       partitions of the topics the service creates when they are missing (1)
 * @param chunkSize        rows per set-wise statement of a batch (500): bounds the statements, whatever a poll
 *                         returns ({@code spring.kafka.consumer.max-poll-records})
 */
@Validated
@ConfigurationProperties("kit.order.changefeed")
public record ChangefeedProperties(
        @NotBlank String memberTopic,
        @NotBlank String productTopic,
        @NotBlank String orderTopic,
        @NotBlank String orderItemTopic,
        @NotBlank String memberEventsTopic,
        @NotBlank String deadLetterSuffix,
        @DefaultValue("1") @Positive int partitions,
        @DefaultValue("500") @Positive int chunkSize) implements ChangefeedTopics {

    @Override
    public List<String> topics() {
        return List.of(memberTopic, productTopic, orderTopic, orderItemTopic, memberEventsTopic);
    }

    @Override
    public String deadLetterTopic(String topic) {
        return topic + deadLetterSuffix;
    }
}
