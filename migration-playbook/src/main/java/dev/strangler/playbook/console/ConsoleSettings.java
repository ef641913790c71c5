package dev.strangler.playbook.console;

import dev.strangler.infra.EnvironmentSettings;
import dev.strangler.playbook.KitContext;
import dev.strangler.playbook.KitException;
import dev.strangler.playbook.stack.AdminToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the console listens and what it talks to.
 *
 * @param address    the listening address; loopback unless a deployment puts it behind TLS
 * @param port       its port
 * @param playbook   the playbook it shows and runs
 * @param proxyAdmin the proxy's admin API, which also checks every token the console is given
 * @param bridge     the CDC bridge (its Prometheus endpoint for the lag chart)
 * @param services   the extracted services' base URLs by name (their Prometheus endpoints: consumer lag, dead
 *                   letters)
 */
public record ConsoleSettings(String address, int port, Path playbook, String proxyAdmin, String bridge,
                              Map<String, String> services) {

    public static final String PORT = "KIT_CONSOLE_PORT";
    public static final int DEFAULT_PORT = 8070;

    public static ConsoleSettings of(KitContext kit, Integer port, String address, Path playbook) {
        EnvironmentSettings env = kit.settings();
        Path file = playbook != null ? playbook
                : Path.of(env.text("KIT_CONSOLE_PLAYBOOK", kit.defaultPlaybook().toString()));
        if (!Files.isRegularFile(file)) {
            throw KitException.configuration("the console's playbook " + file + " does not exist");
        }
        return new ConsoleSettings(address != null ? address : env.text("KIT_CONSOLE_ADDRESS", "127.0.0.1"),
                port != null ? port : env.port(PORT, DEFAULT_PORT), file,
                kit.proxyAdminUrl(), kit.bridgeUrl(),
                Map.of(
                        "member-service", env.text("MEMBER_SERVICE_URL",
                                "http://127.0.0.1:" + env.port("MEMBER_SERVICE_PORT", 8082)),
                        "order-service", env.text("ORDER_SERVICE_URL",
                                "http://127.0.0.1:" + env.port("ORDER_SERVICE_PORT", 8083))));
    }

    /** The line {@code kit up} and {@code kit demo} print: where the console is and how to log in. */
    public static String banner(KitContext kit) {
        return "Migration console: http://127.0.0.1:" + kit.settings().port(PORT, DEFAULT_PORT)
                + " (log in with the admin token: " + AdminToken.whereToFind(kit.environment(), kit.layout()) + ")";
    }

    public String url() {
        return "http://" + ("0.0.0.0".equals(address) ? "127.0.0.1" : address) + ":" + port;
    }
}
