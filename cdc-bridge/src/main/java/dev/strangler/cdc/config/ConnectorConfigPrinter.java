package dev.strangler.cdc.config;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.validation.FieldError;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints the forward path as Kafka Connect connector JSON, from the bridge's own settings (its
 * {@code application.yml}, the environment, {@code --name=value} arguments), read the way the bridge reads them.
 * {@code kit cdc connector-config} runs this from the bridge's jar:
 * {@code java -cp cdc-bridge.jar -Dloader.main=dev.strangler.cdc.config.ConnectorConfigPrinter
 * org.springframework.boot.loader.launch.PropertiesLauncher [--config-only] [--reveal-secrets | --secrets-file=PATH]
 * [--setting=value ...]}. Nothing but the JSON goes to standard output; notes and errors go to standard error.
 */
public final class ConnectorConfigPrinter {

    static final String CONFIG_ONLY = "--config-only";
    static final String REVEAL_SECRETS = "--reveal-secrets";
    static final String SECRETS_FILE = "--secrets-file=";

    private ConnectorConfigPrinter() {
    }

    /** Binds the settings only: no engine, no web server, no connection to anything. */
    @EnableConfigurationProperties({CdcProperties.class, KafkaProperties.class})
    static class Settings {
    }

    public static void main(String[] args) {
        System.exit(print(args, System.out, System.err));
    }

    static int print(String[] args, PrintStream out, PrintStream err) {
        boolean configOnly = false;
        KafkaConnectConnector.Secrets secrets = KafkaConnectConnector.Secrets.fromEnvironment();
        String provider = "env";
        List<String> settings = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals(CONFIG_ONLY)) {
                configOnly = true;
            } else if (arg.equals(REVEAL_SECRETS)) {
                secrets = KafkaConnectConnector.Secrets.revealed();
                provider = null;
            } else if (arg.startsWith(SECRETS_FILE)) {
                secrets = KafkaConnectConnector.Secrets.fromFile(arg.substring(SECRETS_FILE.length()));
                provider = "file";
            } else {
                settings.add(arg);
            }
        }
        KafkaConnectConnector.Connector connector;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).registerShutdownHook(false)
                .properties("spring.main.banner-mode=off", "logging.level.root=OFF")
                .run(settings.toArray(String[]::new))) {
            connector = KafkaConnectConnector.forward(context.getBean(CdcProperties.class),
                    KafkaConnection.of(context.getBean(KafkaProperties.class)), secrets);
        } catch (RuntimeException e) {
            err.println("The bridge's settings cannot be read: " + reason(e));
            return 2;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        if (configOnly) {
            json.putAll(connector.config());
        } else {
            json.put("name", connector.name());
            json.put("config", connector.config());
        }
        out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(json));
        out.flush();
        TreeSet<String> variables = new TreeSet<>();
        connector.config().keySet().forEach(key -> {
            String variable = KafkaConnectConnector.secretVariable(key);
            if (variable != null) {
                variables.add(variable);
            }
        });
        if (provider != null && !variables.isEmpty()) {
            err.println("The connector reads " + String.join(", ", variables) + " through the Connect workers' '"
                    + provider + "' config provider: give the workers config.providers=" + provider + " and "
                    + "config.providers." + provider + ".class=" + (provider.equals("env")
                    ? "org.apache.kafka.common.config.provider.EnvVarConfigProvider, and these variables."
                    : "org.apache.kafka.common.config.provider.FileConfigProvider, and that file."));
        }
        return 0;
    }

    /** The binding or validation failure, naming the setting as it is written, rather than Spring's wrapping. */
    private static String reason(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindValidationException invalid) {
                ValidationErrors errors = invalid.getValidationErrors();
                return errors.getAllErrors().stream().map(error -> (error instanceof FieldError field
                        ? errors.getName() + "." + kebab(field.getField()) : errors.getName().toString()) + ": "
                        + error.getDefaultMessage()).collect(Collectors.joining("; "));
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException bind) {
                Throwable detail = bind.getCause();
                return bind.getMessage() + (detail == null ? "" : ": " + detail.getMessage());
            }
        }
        return e.getMessage();
    }

    private static String kebab(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
