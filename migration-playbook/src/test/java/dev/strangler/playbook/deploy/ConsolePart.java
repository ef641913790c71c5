package dev.strangler.playbook.deploy;

import dev.strangler.infra.InfraSettings;
import dev.strangler.playbook.KitContext;
import dev.strangler.playbook.console.ConsoleServer;
import dev.strangler.playbook.console.ConsoleSettings;
import dev.strangler.playbook.plan.Playbook;
import dev.strangler.playbook.plan.PlaybookLoader;
import dev.strangler.playbook.stack.StackComponent;
import dev.strangler.playbook.stack.StackDefinition;
import dev.strangler.playbook.stack.StackLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The migration console as a part. It is the kit's own jar running {@code kit console}, with no application.yml, so
 * each fact comes from the kit's code: its name, jar, command and port from {@link StackDefinition} (what
 * {@code kit up} runs), its actuator settings from the default properties {@link ConsoleServer} gives Spring Boot,
 * and the variables it reads by asking the code: a variable is read when two values of it give the console different
 * settings ({@link ConsoleSettings}, the kit's layout and proxy URL, the database accounts its reconciliations
 * connect with), or when the playbook it runs (the demo's) has a {@code ${VAR}} of it. The kit's home is the
 * {@code kit.home} system property here, as {@code ./kit}, {@code kit up} and the image pass it.
 */
final class ConsolePart {

    private ConsolePart() {
    }

    static Part read(Path repository) {
        StackLayout layout = StackLayout.of(repository.toString(), Map.of());
        StackComponent console = StackDefinition.fromEnvironment(Map.of(), layout).services().stream()
                .filter(component -> component.name().equals(StackDefinition.CONSOLE)).findFirst().orElseThrow();
        List<String> command = console.command();
        List<String> arguments = command.subList(command.indexOf(layout.runningCopy(console.artifact()).toString()) + 1,
                command.size());
        String module = layout.home().relativize(console.artifact()).getName(0).toString();
        Map<String, Object> boot = ConsoleServer.defaultProperties(settings(kit(repository, Map.of())));
        int port = console.ports().get(0).port();
        JsonNode management = nested(boot).path("management");
        String actuatorPort = management.path("server").path("port").asString("");
        Set<String> placeholders = Part.placeholders(text(demoPlaybook(repository)));
        String artifact = Part.artifact(repository.resolve(module).resolve("pom.xml"));
        return Part.withActuator(StackDefinition.CONSOLE, module, artifact, arguments,
                variable -> placeholders.contains(variable) || changesSettings(repository, variable),
                "not in ConsoleSettings, the kit's settings or a ${…} of its playbook", port,
                actuatorPort.isEmpty() ? port : Integer.parseInt(actuatorPort), management);
    }

    /**
     * Every URL the console calls with this environment: its own (the proxy's admin API, the bridge, the services)
     * and its playbook's endpoints, by what each is for.
     */
    static Map<String, String> urls(Path repository, Map<String, String> environment) {
        ConsoleSettings settings = settings(kit(repository, environment));
        Playbook.Endpoints endpoints = PlaybookLoader.load(settings.playbook(), environment).endpoints();
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("the console's proxy admin API", settings.proxyAdmin());
        urls.put("the console's CDC bridge", settings.bridge());
        settings.services().forEach((name, url) -> urls.put("the console's " + name, url));
        urls.put("the playbook's proxy", endpoints.proxy());
        urls.put("the playbook's proxy-admin", endpoints.proxyAdmin());
        urls.put("the playbook's cdc-bridge", endpoints.cdcBridge());
        endpoints.services().forEach((name, url) -> urls.put("the playbook's service " + name, url));
        return urls;
    }

    /** The playbook the console runs when nothing names another: the demo's, which deploy/ mounts. */
    static Path demoPlaybook(Path repository) {
        return kit(repository, Map.of()).defaultPlaybook();
    }

    private static boolean changesSettings(Path repository, String variable) {
        return !fingerprint(repository, Map.of(variable, "1")).equals(fingerprint(repository, Map.of(variable, "2")));
    }

    /** What the console is built from, as text; a part that fails shows as its exception. */
    private static String fingerprint(Path repository, Map<String, String> environment) {
        KitContext kit = kit(repository, environment);
        List<Object> facts = new ArrayList<>();
        facts.add(attempt(() -> settings(kit)));
        facts.add(kit.layout());
        facts.add(attempt(kit::proxyUrl));
        facts.add(attempt(() -> {
            InfraSettings infra = kit.infra();
            return List.of(infra.jdbcUrl("db"), infra.legacy(), infra.member(), infra.order());
        }));
        return facts.toString();
    }

    private static KitContext kit(Path repository, Map<String, String> environment) {
        return new KitContext(StackLayout.of(repository.toString(), environment), environment);
    }

    /** {@code ConsoleSettings.of} as {@code kit console} calls it, without options. */
    private static ConsoleSettings settings(KitContext kit) {
        return ConsoleSettings.of(kit, null, null, null);
    }

    private static Object attempt(Callable<Object> fact) {
        try {
            return fact.call();
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** {@code a.b.c=v} as {@code {a: {b: {c: v}}}}, the shape application.yml gives the same settings. */
    private static JsonNode nested(Map<String, Object> properties) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        properties.forEach((key, value) -> {
            ObjectNode node = root;
            String[] names = key.split("\\.");
            for (int i = 0; i < names.length - 1; i++) {
                node = node.has(names[i]) ? (ObjectNode) node.get(names[i]) : node.putObject(names[i]);
            }
            node.put(names[names.length - 1], String.valueOf(value));
        });
        return root;
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }
}
