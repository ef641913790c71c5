package dev.strangler.service.ownership;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Ownership of the service's writes and the admin API that changes it.
 *
 * @param subject     what the service owns the writes of, in problem details and the admin realm ({@code member})
 * @param defaultMode who owns writes until an operator changes it ({@code MEMBER_OWNERSHIP_MODE} and so on,
 *                    LEGACY_OWNS)
 * @param adminToken  bearer token of {@code /admin/**} ({@code MEMBER_ADMIN_TOKEN} and so on), an operator named
 *                    {@code kit} besides the named tokens of {@code kit.control.tokens}; with neither, the admin API
 *                    stays closed (every call is 401) while reads and replication work
 */
@Validated
@ConfigurationProperties("kit.ownership")
public record OwnershipProperties(@NotBlank String subject, @NotNull OwnershipMode defaultMode, String adminToken) {

    public OwnershipProperties {
        adminToken = adminToken == null ? "" : adminToken;
    }

    @Override
    public String toString() {
        return "OwnershipProperties[subject=" + subject + ", defaultMode=" + defaultMode + ", adminToken=****]";
    }
}
