package dev.strangler.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One named bearer token of the control APIs.
 *
 * @param name  who holds it, as the audit records it ({@code alice}, {@code grafana}, {@code ci}): the audit's "by"
 * @param token the secret itself (from an environment variable or a mounted secret, never from a committed file)
 * @param role  {@code VIEWER} (reads only) or {@code OPERATOR} (everything)
 */
public record ControlToken(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}",
                message = "must be 1 to 64 letters, digits or . _ @ -") String name,
        @NotBlank @Size(min = 16, message = "must be at least 16 characters") String token,
        @NotNull Role role) {

    @Override
    public String toString() {
        return "ControlToken[name=" + name + ", token=****, role=" + role + "]";
    }
}
