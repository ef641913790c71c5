package dev.strangler.service.ownership;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /admin/ownership}.
 *
 * @param mode   the new owner of writes
 * @param reason why, for the audit trail (required)
 */
record OwnershipChange(@NotNull OwnershipMode mode, @NotBlank @Size(max = 500) String reason) {
}
