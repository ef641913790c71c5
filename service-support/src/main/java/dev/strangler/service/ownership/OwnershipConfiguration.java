package dev.strangler.service.ownership;

import dev.strangler.control.ControlTokenProperties;
import dev.strangler.control.ControlTokens;
import dev.strangler.web.control.BearerTokenInterceptor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who owns a service's writes (the monolith until the write cut-over, then the service), the admin API that flips
 * it ({@code GET/PUT /admin/ownership}) and the kit's control tokens in front of that API: the service's own
 * admin token (an operator named {@code kit}) and the named ones of {@code kit.control.tokens}, a viewer reading only. A service imports this and names
 * its {@code kit.ownership.subject}; its schema has the OWNERSHIP_CHANGE table.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OwnershipProperties.class, ControlTokenProperties.class})
@Import({OwnershipService.class, OwnershipRepository.class, OwnershipController.class})
public class OwnershipConfiguration implements WebMvcConfigurer {

    private final OwnershipProperties properties;
    private final ControlTokenProperties controlTokens;

    OwnershipConfiguration(OwnershipProperties properties, ControlTokenProperties controlTokens) {
        this.properties = properties;
        this.controlTokens = controlTokens;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // No token at all keeps the admin API closed (every call 401) while reads and replication work.
        ControlTokens tokens = ControlTokens.of(properties.adminToken(), controlTokens.tokens());
        registry.addInterceptor(new BearerTokenInterceptor(tokens, properties.subject() + "-service-admin",
                "The " + properties.subject() + " service's admin API")).addPathPatterns("/admin/**");
    }
}
