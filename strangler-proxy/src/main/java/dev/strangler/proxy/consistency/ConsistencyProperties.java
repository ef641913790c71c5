package dev.strangler.proxy.consistency;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Read-your-writes across the change feed (the routes' {@code consistency.keys} say what a request names).
 *
 * @param barrierUrl the CDC bridge, whose barriers confirm that every consumer applied what was committed before
 *                   them; absent, nothing waits and nothing is redirected
 * @param barrierToken the bearer token the bridge's operations API takes for barriers (an operator control token;
 *                     by default the kit's, {@code PROXY_ADMIN_TOKEN}); empty sends none (a bridge left open on
 *                     loopback)
 * @param maxWait    the longest a request waits for a barrier before it is served anyway (and counted)
 * @param window     a pending write is forgotten after this, confirmed or not: the time bound
 */
@Validated
@ConfigurationProperties("strangler.proxy.consistency")
public record ConsistencyProperties(URI barrierUrl,
                                    String barrierToken,
                                    @DefaultValue("2s") @NotNull Duration maxWait,
                                    @DefaultValue("30s") @NotNull Duration window) {

    public ConsistencyProperties {
        barrierToken = barrierToken == null ? "" : barrierToken;
    }

    @Override
    public String toString() {
        return "ConsistencyProperties[barrierUrl=" + barrierUrl + ", barrierToken=****, maxWait=" + maxWait
                + ", window=" + window + "]";
    }

    public boolean enabled() {
        return barrierUrl != null && !barrierUrl.toString().isBlank();
    }
}
