package dev.strangler.playbook.console;

import dev.strangler.playbook.console.login.ConsoleAccess;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Everything but the login page, the refusal page, static files and health needs a signed-in token. */
@Configuration
@EnableScheduling
class ConsoleWebConfiguration implements WebMvcConfigurer {

    private final ConsoleAccess access;

    ConsoleWebConfiguration(ConsoleAccess access) {
        this.access = access;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(access).excludePathPatterns("/login", "/problem", "/error", "/console.css",
                "/console.js", "/favicon.ico", "/actuator/**");
    }
}
