package dev.strangler.playbook.cdc;

import dev.strangler.playbook.KitContext;
import dev.strangler.playbook.KitException;
import dev.strangler.playbook.stack.StackComponent;
import dev.strangler.playbook.stack.StackDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kit cdc connector-config}: the bridge's forward path as Kafka Connect connector JSON. The bridge's jar
 * renders it from the bridge's own settings with the code its engine is configured by, so the two cannot drift;
 * this command hands it the environment {@code kit up} would give the bridge.
 */
@Command(name = "connector-config", mixinStandardHelpOptions = true,
        description = {"Print the CDC bridge's forward path as Kafka Connect connector JSON: the same tables, topics, "
                + "converters, snapshot and signalling settings, read from the bridge's settings (its application.yml, "
                + "this environment, --settings and NAME=VALUE).",
                "Submit it: curl -X POST -H 'Content-Type: application/json' --data @connector.json "
                        + "http://<worker>:8083/connectors. Then run the bridge with CDC_FORWARD_ENGINE=KAFKA_CONNECT: "
                        + "it keeps the outbox relay, the reverse path and barriers.",
                "Passwords are printed as references to the Connect workers' environment (${env:CDC_DB_PASSWORD}) "
                        + "unless told otherwise."})
final class ConnectorConfigCommand implements Runnable {

    static final String PRINTER = "dev.strangler.cdc.config.ConnectorConfigPrinter";
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private final KitContext kit;

    @Spec
    CommandSpec spec;

    @Option(names = "--settings", paramLabel = "FILE",
            description = "A settings file of the bridge (YAML or properties), as the bridge takes it with "
                    + "--spring.config.additional-location.")
    Path settingsFile;

    @Option(names = "--config-only", description = "Print the configuration object alone, for "
            + "PUT /connectors/<name>/config (which creates or updates).")
    boolean configOnly;

    @Option(names = "--secrets-file", paramLabel = "PATH", description = "Reference passwords in this properties "
            + "file on the workers (FileConfigProvider named 'file') instead of their environment.")
    String secretsFile;

    @Option(names = "--reveal-secrets", description = "Print passwords in clear, for workers without config "
            + "providers. The output is then a secret itself.")
    boolean revealSecrets;

    @Parameters(paramLabel = "NAME=VALUE", arity = "0..*",
            description = "Bridge settings, e.g. kit.cdc.source.host=db1 kit.cdc.tables[0].table=shop.ORDERS")
    List<String> settings = new ArrayList<>();

    ConnectorConfigCommand(KitContext kit) {
        this.kit = kit;
    }

    @Override
    public void run() {
        if (revealSecrets && secretsFile != null) {
            throw KitException.configuration("--reveal-secrets and --secrets-file exclude each other");
        }
        Path jar = kit.layout().artifact("cdc-bridge", "jar");
        if (!Files.isRegularFile(jar)) {
            throw KitException.configuration(jar + " is missing: build the bridge first "
                    + "(./mvnw -B package -pl cdc-bridge -am -DskipTests)");
        }
        ProcessBuilder builder = new ProcessBuilder(command(jar));
        // What 'kit up' gives the bridge: this environment, and the settings the kit shares with every part.
        builder.environment().putAll(kit.environment());
        builder.environment().putAll(bridgeEnvironment());
        Rendered rendered = run(builder);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (rendered.exitCode() != 0) {
            throw KitException.configuration(rendered.errors().isBlank()
                    ? "the bridge's jar could not render the connector (exit " + rendered.exitCode() + ")"
                    : rendered.errors().strip());
        }
        out.print(rendered.output());
        out.flush();
        err.print(rendered.errors());
        err.flush();
    }

    private List<String> command(Path jar) {
        List<String> command = new ArrayList<>(List.of(JAVA, "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", jar.toString(), "-Dloader.main=" + PRINTER,
                "org.springframework.boot.loader.launch.PropertiesLauncher"));
        if (configOnly) {
            command.add("--config-only");
        }
        if (revealSecrets) {
            command.add("--reveal-secrets");
        }
        if (secretsFile != null) {
            command.add("--secrets-file=" + secretsFile);
        }
        if (settingsFile != null) {
            if (!Files.isRegularFile(settingsFile)) {
                throw KitException.configuration("--settings " + settingsFile + ": no such file");
            }
            command.add("--spring.config.additional-location=file:" + settingsFile.toAbsolutePath());
        }
        for (String setting : settings) {
            if (setting.indexOf('=') < 1) {
                throw KitException.configuration("'" + setting + "' is not NAME=VALUE");
            }
            command.add("--" + setting);
        }
        return command;
    }

    private Map<String, String> bridgeEnvironment() {
        return StackDefinition.fromEnvironment(kit.environment(), kit.layout()).services().stream()
                .filter(component -> component.name().equals("cdc-bridge")).findFirst()
                .map(StackComponent::environment).orElse(Map.of());
    }

    private record Rendered(int exitCode, String output, String errors) {
    }

    private static Rendered run(ProcessBuilder builder) {
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new KitException(KitException.CHECK_FAILED, "the bridge's jar did not answer within 60 s");
            }
            return new Rendered(process.exitValue(), output.join(), errors.join());
        } catch (IOException e) {
            throw KitException.configuration("cannot run " + JAVA + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KitException(KitException.CHECK_FAILED, "interrupted");
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
