package dev.strangler.playbook.routes;

import dev.strangler.playbook.KitContext;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** A thin client of the proxy's admin API: the routes with their modes, and a flip with a reason. */
@Command(name = "routes", mixinStandardHelpOptions = true, description = "List the proxy's routes, or flip one.",
        subcommands = {RoutesCommand.List.class, RoutesCommand.Flip.class})
public final class RoutesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Each route: mode, percent, version, traffic, parity.")
    static final class List implements Runnable {

        private final KitContext kit;

        @Spec
        CommandSpec spec;

        List(KitContext kit) {
            this.kit = kit;
        }

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            String row = "%-20s %-10s %7s %8s %9s %10s %9s %9s%n";
            out.printf(row, "ROUTE", "MODE", "PERCENT", "VERSION", "LEGACY", "EXTRACTED", "FALLBACK", "PARITY%");
            for (JsonNode route : kit.proxyAdmin().get("/admin/routes")) {
                JsonNode traffic = route.path("traffic");
                JsonNode parity = route.path("parity").path("parityPercent");
                out.printf(row, route.path("name").asString(), route.path("mode").asString(),
                        route.path("percent").asDouble(), route.path("version").asLong(), traffic.path("legacy").asLong(),
                        traffic.path("extracted").asLong(), traffic.path("fallbacks").asLong(),
                        parity.isNumber() ? String.format("%.1f", parity.asDouble()) : "-");
            }
            out.flush();
        }
    }

    @Command(name = "flip", mixinStandardHelpOptions = true, description = "Flip a route's mode or canary percent, with a reason.")
    static final class Flip implements Runnable {

        private final KitContext kit;

        @Spec
        CommandSpec spec;

        Flip(KitContext kit) {
            this.kit = kit;
        }

        @Parameters(index = "0", paramLabel = "ROUTE")
        String route;

        @Option(names = "--mode", description = "LEGACY, SHADOW, CANARY or EXTRACTED")
        String mode;

        @Option(names = "--percent", description = "the canary percentage, 0 to 100")
        Double percent;

        @Option(names = "--reason", required = true, description = "why; kept in the audit history")
        String reason;

        @Override
        public void run() {
            Map<String, Object> body = new LinkedHashMap<>();
            if (mode != null) {
                body.put("mode", mode);
            }
            if (percent != null) {
                body.put("percent", percent);
            }
            body.put("reason", reason);
            body.put("by", System.getProperty("user.name", "kit"));
            JsonNode flipped = kit.proxyAdmin().post("/admin/routes/" + route + "/flips", body);
            spec.commandLine().getOut().printf("%s is now %s (%s %%), version %d%n", flipped.path("name").asString(),
                    flipped.path("mode").asString(), flipped.path("percent").asDouble(), flipped.path("version").asLong());
            spec.commandLine().getOut().flush();
        }
    }
}
