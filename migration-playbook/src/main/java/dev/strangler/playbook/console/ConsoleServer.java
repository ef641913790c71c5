package dev.strangler.playbook.console;

import dev.strangler.playbook.KitContext;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The console's web server: Spring MVC with server-side templates, in the kit's own JVM so that it runs playbook
 * steps, reconciliations and repairs with the same code as the command line. It keeps no secret of its own: every
 * token is checked by the proxy's admin API, and every action goes to a part's API with the signed-in token.
 */
@SpringBootApplication
public class ConsoleServer {

    /** Starts the console; the returned context stops it. */
    public static ConfigurableApplicationContext start(KitContext kit, ConsoleSettings settings) {
        SpringApplication application = new SpringApplication(ConsoleServer.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        application.setDefaultProperties(defaultProperties(settings));
        application.addInitializers(context -> {
            GenericApplicationContext generic = (GenericApplicationContext) context;
            generic.registerBean(KitContext.class, () -> kit);
            generic.registerBean(ConsoleSettings.class, () -> settings);
        });
        return application.run();
    }

    /** What the console gives Spring Boot in place of an application.yml (deploy/'s checks read its actuator part). */
    public static Map<String, Object> defaultProperties(ConsoleSettings settings) {
        return Map.of(
                "server.port", settings.port(),
                "server.address", settings.address(),
                "spring.application.name", "migration-console",
                "spring.main.banner-mode", "off",
                "spring.thymeleaf.prefix", "classpath:/console/templates/",
                "spring.web.resources.static-locations", "classpath:/console/static/",
                "management.endpoints.web.exposure.include", "health",
                "server.error.whitelabel.enabled", "false");
    }
}
