package dev.strangler.proxy.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The admin API, served only on the management port ({@code management.server.port}, {@code PROXY_ADMIN_PORT}).
 *
 * @param token the bearer token every admin request must carry ({@code PROXY_ADMIN_TOKEN}); there is no default,
 *              so a proxy without one refuses to start rather than run its admin API open
 */
@Validated
@ConfigurationProperties("strangler.proxy.admin")
public record AdminProperties(
        @NotBlank(message = "must be set: pass the admin API's bearer token in the PROXY_ADMIN_TOKEN "
                + "environment variable (at least 16 characters)")
        @Size(min = 16, message = "must be at least 16 characters (PROXY_ADMIN_TOKEN)")
        String token) {

    @Override
    public String toString() {
        return "AdminProperties[token=****]";
    }
}
