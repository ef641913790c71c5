package dev.strangler.orderservice.changefeed;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The legacy change topics the service consumes (written by the CDC bridge) and where unreadable events go.
 *
 * @param memberTopic      TB_MEMBER changes, for the member replica ({@code MEMBER_TOPIC}, legacy.member)
 * @param productTopic     TB_PRODUCT changes, for the product replica ({@code PRODUCT_TOPIC}, legacy.product)
 * @param orderTopic       TB_ORDER changes ({@code ORDER_TOPIC}, legacy.order)
 * @param orderItemTopic   TB_ORDER_ITEM changes ({@code ORDER_ITEM_TOPIC}, legacy.order-item)
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
        @NotBlank String deadLetterSuffix,
        @Positive Integer partitions,
        @Positive Integer chunkSize) {

    public ChangefeedProperties {
        partitions = partitions == null ? 1 : partitions;
        chunkSize = chunkSize == null ? 500 : chunkSize;
    }

    public java.util.List<String> topics() {
        return java.util.List.of(memberTopic, productTopic, orderTopic, orderItemTopic);
    }

    public String deadLetterTopic(String topic) {
        return topic + deadLetterSuffix;
    }
}
