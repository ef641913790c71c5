package dev.strangler.memberservice.ownership;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the admin API behind its bearer token. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OwnershipProperties.class)
class AdminWebConfiguration implements WebMvcConfigurer {

    private final OwnershipProperties properties;

    AdminWebConfiguration(OwnershipProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminTokenInterceptor(properties)).addPathPatterns("/admin/**");
    }
}
