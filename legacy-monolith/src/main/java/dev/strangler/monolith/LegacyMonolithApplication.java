package dev.strangler.monolith;

import dev.strangler.web.problem.ProblemResponseHandler;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.support.SpringBootServletInitializer;
import org.springframework.context.annotation.Import;

/**
 * The legacy monolith: members, products and orders over one shared schema. Packaged as a WAR so it deploys to
 * an external servlet container the way it always has, and runs with {@code java -jar} on embedded Tomcat.
 */
@SpringBootApplication
@Import(ProblemResponseHandler.class) // the problem responses the extracted services answer with too
public class LegacyMonolithApplication extends SpringBootServletInitializer {

    public static void main(String[] args) {
        SpringApplication.run(LegacyMonolithApplication.class, args);
    }

    @Override
    protected SpringApplicationBuilder configure(SpringApplicationBuilder builder) {
        return builder.sources(LegacyMonolithApplication.class);
    }
}
