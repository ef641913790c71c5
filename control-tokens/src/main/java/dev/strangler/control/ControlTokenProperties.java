package dev.strangler.control;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The named tokens every control API accepts, besides the kit's own operator token. One prefix for the proxy, the
 * bridge and the services, so one set of variables ({@code KIT_CONTROL_TOKENS_0_NAME}, {@code _0_TOKEN},
 * {@code _0_ROLE}, then {@code _1_...}) configures them all.
 *
 * @param tokens the named tokens; none by default
 */
@Validated
@ConfigurationProperties("kit.control")
public record ControlTokenProperties(List<@Valid ControlToken> tokens) {

    public ControlTokenProperties {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }
}
