package dev.strangler.monolith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.support.SpringBootServletInitializer;

/**
 * The legacy monolith: members, products and orders over one shared schema. Packaged as a WAR so it deploys to
 * an external servlet container the way it always has, and runs with {@code java -jar} on embedded Tomcat.
 */
@SpringBootApplication
public class LegacyMonolithApplication extends SpringBootServletInitializer {

    public static void main(String[] args) {
        SpringApplication.run(LegacyMonolithApplication.class, args);
    }

    @Override
    protected SpringApplicationBuilder configure(SpringApplicationBuilder builder) {
        return builder.sources(LegacyMonolithApplication.class);
    }
}
