package dev.strangler.bench.proxy.mvc;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Spring Cloud Gateway Server MVC (Tomcat, blocking) with the same one route as
 * {@link dev.strangler.bench.proxy.webflux.WebFluxGateway}. The harness runs it on a JDK 21+ with
 * {@code -Dspring.threads.virtual.enabled=true}: Tomcat then serves each request on a virtual thread. The build
 * stays on Java 17, so virtual threads are a run-time property here, never an API this class calls.
 * Started as {@code java -jar proxy-bench.jar mvc-gateway <port> <backend url>}.
 */
@SpringBootApplication
public class MvcGateway {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(MvcGateway.class);
        // Reactor Netty and Server WebFlux share this jar's classpath: say which stack this one is.
        application.setWebApplicationType(WebApplicationType.SERVLET);
        application.setDefaultProperties(Map.<String, Object>of(
                "server.address", "127.0.0.1",
                "server.port", args[0],
                "bench.backend", args[1],
                "spring.cloud.gateway.server.webflux.enabled", "false",
                // The client a Server MVC application gets from its starter alone (the JDK's HttpClient); with
                // Reactor Netty on this jar's classpath the gateway would pick that instead. BENCH_MVC_CLIENT=simple
                // (HttpURLConnection, blocking: a virtual thread parks on it) or reactor overrides it.
                "spring.http.clients.imperative.factory", System.getenv().getOrDefault("BENCH_MVC_CLIENT", "jdk"),
                "logging.level.org.springframework.boot", "INFO"));
        application.run();
    }

    @Bean
    RouterFunction<ServerResponse> members(Environment environment) {
        return route("members").GET("/api/members/**", http())
                .before(uri(environment.getRequiredProperty("bench.backend"))).build();
    }
}
