package dev.strangler.proxy.admin;

import dev.strangler.proxy.toggle.FlipCommand;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /admin/routes/{name}/flips}.
 *
 * @param mode       LEGACY, SHADOW, CANARY or EXTRACTED; absent to change only the percentage
 * @param percent    the canary percentage, 0–100; absent to keep it
 * @param holdWrites true to hold the route's writes until the next flip (a write cut-over); the answer comes once
 *                   the writes already in flight have finished
 * @param reason     why (required, it goes into the audit history)
 * @param by         who it is for (free text: a name, a ticket, a playbook step), kept as the flip's {@code statedBy};
 *                   the flip's {@code by} is the name of the token that authenticated the call
 * @param ignorePath a JSON path (e.g. {@code $.updatedAt}) to leave out of the shadow comparison from now on; alone,
 *                   it changes nothing else
 */
record FlipRequest(
        String mode,
        @DecimalMin("0") @DecimalMax("100") Double percent,
        Boolean holdWrites,
        @NotBlank @Size(max = 500) String reason,
        @Size(max = 100) String by,
        @Size(max = 300) String ignorePath) {

    /** @param tokenName the control token's name the admin API granted */
    FlipCommand command(String tokenName) {
        return new FlipCommand(mode, percent, holdWrites, reason, tokenName, by, ignorePath);
    }
}
