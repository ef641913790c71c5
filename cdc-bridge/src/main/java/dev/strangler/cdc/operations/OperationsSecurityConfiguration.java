package dev.strangler.cdc.operations;

import dev.strangler.control.ControlTokenProperties;
import dev.strangler.control.ControlTokens;
import dev.strangler.web.control.BearerTokenInterceptor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The operations API ({@code /cdc/**}: status, pause, resume, snapshots, recovery, the reverse switch, barriers)
 * behind the same named tokens as the proxy's admin API: reads for a viewer, everything for an operator, 401 or 403
 * problems before any handler runs. Health and metrics ({@code /actuator}) stay outside: the bridge listens on
 * loopback by default, and launchers poll its health without credentials.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OperationsProperties.class, ControlTokenProperties.class})
class OperationsSecurityConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OperationsSecurityConfiguration.class);
    private static final String OPERATIONS = "/cdc/**";

    /** The audit's name for calls to an API left open on loopback, where no token was configured. */
    static final String ANONYMOUS = "anonymous";

    private final ControlTokens tokens;

    OperationsSecurityConfiguration(OperationsProperties operations, ControlTokenProperties control,
                                    @Value("${server.address:}") String address) {
        this.tokens = ControlTokens.of(operations.token(), control.tokens());
        // A developer running the bridge alone on 127.0.0.1 needs no token; anywhere else an open API that pauses
        // capture and switches the reverse path is not a choice to make by forgetting a variable.
        if (tokens.isEmpty() && !ControlTokens.isLoopback(address)) {
            throw new IllegalStateException("The operations API needs a token on server.address '" + address
                    + "' (not loopback): set PROXY_ADMIN_TOKEN or CDC_OPERATIONS_TOKEN (kit.cdc.operations.token) "
                    + "or named tokens (kit.control.tokens)");
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        if (tokens.isEmpty()) {
            log.warn("No operations token configured: /cdc/** is open on the loopback address; set PROXY_ADMIN_TOKEN "
                    + "or kit.control.tokens to close it");
            registry.addInterceptor(new AnonymousOnLoopback()).addPathPatterns(OPERATIONS);
            return;
        }
        registry.addInterceptor(new BearerTokenInterceptor(tokens, "cdc-bridge-operations",
                "The CDC bridge's operations API")).addPathPatterns(OPERATIONS);
    }

    /** Names the caller {@value #ANONYMOUS} for the audit when the API is open. */
    private static final class AnonymousOnLoopback implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            request.setAttribute(ControlTokens.NAME_ATTRIBUTE, ANONYMOUS);
            return true;
        }
    }
}
