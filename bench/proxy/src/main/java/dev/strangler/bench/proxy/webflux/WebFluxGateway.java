package dev.strangler.bench.proxy.webflux;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Spring Cloud Gateway Server WebFlux with one plain route to the backend and none of the kit's filters: the
 * server the kit's proxy is built on, without the proxy. Compared with {@link dev.strangler.bench.proxy.mvc.MvcGateway}
 * by the servers scenario ({@code bench/proxy/servers.sh}).
 * Started as {@code java -jar proxy-bench.jar webflux-gateway <port> <backend url>}.
 */
// Server MVC and Tomcat share this jar's classpath; not all of Server MVC's configuration asks whether it is enabled.
@SpringBootApplication(excludeName = {
        "org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration",
        "org.springframework.cloud.gateway.server.mvc.GatewayServerMvcAutoConfiguration",
        "org.springframework.cloud.gateway.server.mvc.filter.FilterAutoConfiguration",
        "org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctionAutoConfiguration",
        "org.springframework.cloud.gateway.server.mvc.handler.GatewayMultipartAutoConfiguration",
        "org.springframework.cloud.gateway.server.mvc.predicate.PredicateAutoConfiguration",
        "org.springframework.cloud.gateway.server.mvc.config.DefaultFunctionConfiguration" })
public class WebFluxGateway {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(WebFluxGateway.class);
        // Tomcat and Server MVC share this jar's classpath: say which stack this one is.
        application.setWebApplicationType(WebApplicationType.REACTIVE);
        application.setDefaultProperties(Map.<String, Object>of(
                "server.address", "127.0.0.1",
                "server.port", args[0],
                "bench.backend", args[1],
                // As the kit's proxy ships (strangler-proxy's application.yml): no per-request observation or timer.
                "spring.cloud.gateway.server.webflux.observability.enabled", "false",
                "spring.cloud.gateway.server.webflux.metrics.enabled", "false",
                "logging.level.org.springframework.boot", "INFO"));
        application.run();
    }

    @Bean
    RouteLocator members(RouteLocatorBuilder routes, Environment environment) {
        String backend = environment.getRequiredProperty("bench.backend");
        return routes.routes().route("members", route -> route.path("/api/members/**").uri(backend)).build();
    }
}
