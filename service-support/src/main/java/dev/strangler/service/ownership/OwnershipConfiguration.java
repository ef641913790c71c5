package dev.strangler.service.ownership;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who owns a service's writes (the monolith until the write cut-over, then the service), the admin API that flips
 * it ({@code GET/PUT /admin/ownership}) and the bearer token in front of that API. A service imports this and names
 * its {@code kit.ownership.subject}; its schema has the OWNERSHIP_CHANGE table.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OwnershipProperties.class)
@Import({OwnershipService.class, OwnershipRepository.class, OwnershipController.class})
public class OwnershipConfiguration implements WebMvcConfigurer {

    private final OwnershipProperties properties;

    OwnershipConfiguration(OwnershipProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminTokenInterceptor(properties)).addPathPatterns("/admin/**");
    }
}
