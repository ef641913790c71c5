package dev.strangler.playbook.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Answers whether a component is ready to serve; never throws. */
@FunctionalInterface
public interface HealthCheck {

    /**
     * A part's health as the kit sees it.
     *
     * @param state  healthy, unhealthy, or up but in need of an operator's action
     * @param action for {@code ATTENTION}: the command that recovers, e.g. {@code ./kit cdc resnapshot}
     * @param reason what the part said is wrong, or null
     */
    record Health(State state, String action, String reason) {

        public enum State { HEALTHY, UNHEALTHY, ATTENTION }

        public static final Health HEALTHY = new Health(State.HEALTHY, null, null);
        public static final Health UNHEALTHY = new Health(State.UNHEALTHY, null, null);
    }

    Health check();

    default boolean healthy() {
        return check().state() == Health.State.HEALTHY;
    }

    HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Spring Boot actuator health: 200 and status UP is healthy; DOWN carries the first {@code error} detail as the
     * reason. A part that is DOWN but names an {@code action}
     * in its details is running and needs an operator (the CDC bridge whose binlog position is gone): the kit shows
     * it and keeps the stack up.
     */
    static HealthCheck actuator(String healthUrl) {
        return () -> {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(healthUrl))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return Health.HEALTHY;
                }
                JsonNode body = JSON.readTree(response.body());
                JsonNode action = body.findValue("action");
                JsonNode error = body.findValue("error");
                String reason = error == null || !error.isString() ? null : error.asString();
                return action == null || !action.isString() ? new Health(Health.State.UNHEALTHY, null, reason)
                        : new Health(Health.State.ATTENTION, action.asString(), reason);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return Health.UNHEALTHY;
            }
        };
    }

    /** A database is ready once an account can log in to its schema, which also proves the bootstrap ran. */
    static HealthCheck jdbc(String jdbcUrl, String user, String password) {
        return () -> {
            DriverManager.setLoginTimeout(2);
            try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
                return connection.isValid(2) ? Health.HEALTHY : Health.UNHEALTHY;
            } catch (Exception e) {
                return Health.UNHEALTHY;
            }
        };
    }

    /** A broker is ready once it answers a cluster description. */
    static HealthCheck kafka(String bootstrapServers) {
        return () -> {
            try (Admin admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000))) {
                return admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty() ? Health.UNHEALTHY
                        : Health.HEALTHY;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return Health.UNHEALTHY;
            }
        };
    }
}
