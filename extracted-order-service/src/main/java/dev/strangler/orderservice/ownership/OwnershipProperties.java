package dev.strangler.orderservice.ownership;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Ownership of order writes and the admin API that changes it.
 *
 * @param defaultMode who owns writes until an operator changes it ({@code ORDER_OWNERSHIP_MODE}, LEGACY_OWNS)
 * @param adminToken  bearer token of {@code /admin/**} ({@code ORDER_ADMIN_TOKEN}); empty keeps the admin API
 *                    closed (every call is 401) while reads and replication work
 */
@Validated
@ConfigurationProperties("kit.order.ownership")
public record OwnershipProperties(@NotNull OwnershipMode defaultMode, String adminToken) {

    public OwnershipProperties {
        adminToken = adminToken == null ? "" : adminToken;
    }

    @Override
    public String toString() {
        return "OwnershipProperties[defaultMode=" + defaultMode + ", adminToken=****]";
    }
}
