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

/** Answers whether a component is ready to serve; never throws. */
@FunctionalInterface
public interface HealthCheck {

    boolean healthy();

    HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** Spring Boot actuator health: 200 and status UP. */
    static HealthCheck actuator(String healthUrl) {
        return () -> {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(healthUrl))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 && response.body().contains("\"UP\"");
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
        };
    }

    /** A database is ready once an account can log in to its schema, which also proves the bootstrap ran. */
    static HealthCheck jdbc(String jdbcUrl, String user, String password) {
        return () -> {
            DriverManager.setLoginTimeout(2);
            try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
                return connection.isValid(2);
            } catch (Exception e) {
                return false;
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
                return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
        };
    }
}
