package dev.strangler.playbook;

import dev.strangler.infra.EnvironmentSettings;
import dev.strangler.infra.InfraSettings;
import dev.strangler.playbook.remote.JsonHttp;
import dev.strangler.playbook.stack.AdminToken;
import dev.strangler.playbook.stack.KitProcesses;
import dev.strangler.playbook.stack.StackDefinition;
import dev.strangler.playbook.stack.StackLayout;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The kit's settings, read once: where it lives, the environment every command and every part of the stack sees,
 * and the clients of the parts. Built by {@link KitCli} and handed to each command, so no command reads the
 * environment itself.
 *
 * @param layout      the repository and the state directory
 * @param environment the process environment (with {@code PROXY_ADMIN_TOKEN} filled in once a command asks for it)
 */
public record KitContext(StackLayout layout, Map<String, String> environment) {

    public KitContext {
        environment = Map.copyOf(environment);
    }

    /** The context of this process: {@code kit.home} and {@code KIT_STATE_DIR} from the JVM and its environment. */
    public static KitContext ofProcess() {
        Map<String, String> environment = System.getenv();
        return new KitContext(StackLayout.of(System.getProperty("kit.home", environment.getOrDefault("KIT_HOME", ".")),
                environment), environment);
    }

    public EnvironmentSettings settings() {
        return new EnvironmentSettings(environment);
    }

    public InfraSettings infra() {
        return InfraSettings.fromEnvironment(environment);
    }

    /** The stack's processes, all told the same settings (and the admin token, created once if not set). */
    public StackDefinition stack() {
        return StackDefinition.fromEnvironment(withAdminToken(), layout);
    }

    public KitProcesses processes() {
        return new KitProcesses(layout);
    }

    public String adminToken() {
        return AdminToken.resolve(environment, layout);
    }

    /** The environment as the stack's parts get it: with the admin token the kit created, unless one is set. */
    public Map<String, String> withAdminToken() {
        Map<String, String> withToken = new HashMap<>(environment);
        withToken.put(AdminToken.VARIABLE, adminToken());
        return withToken;
    }

    /** The proxy's traffic port, where clients and the scenario suite go. */
    public URI proxyUrl() {
        return URI.create(settings().text("PROXY_URL", "http://127.0.0.1:" + settings().port("PROXY_PORT", 8080)));
    }

    public JsonHttp proxyAdmin() {
        return new JsonHttp("the proxy's admin API", proxyAdminUrl(), adminToken());
    }

    /** The proxy's admin API URL (PROXY_ADMIN_URL, or loopback on PROXY_ADMIN_PORT). */
    public String proxyAdminUrl() {
        return settings().text("PROXY_ADMIN_URL", "http://127.0.0.1:" + settings().port("PROXY_ADMIN_PORT", 8090));
    }

    /** The bridge's operations API, with the kit's operator token as every other control API takes it. */
    public JsonHttp cdcBridge() {
        return new JsonHttp("the CDC bridge", bridgeUrl(), adminToken());
    }

    public String bridgeUrl() {
        return settings().text("CDC_BRIDGE_URL", "http://127.0.0.1:" + settings().port("CDC_BRIDGE_PORT", 8084));
    }

    /** The demo's playbook, which also lists the contexts 'kit compare data' reconciles. */
    public Path defaultPlaybook() {
        return layout.home().resolve("migration-playbook/playbooks/members-and-orders.yml");
    }

    /** The monolith's scenario suite. */
    public Path scenarios() {
        return layout.home().resolve("legacy-monolith/scenarios");
    }
}
