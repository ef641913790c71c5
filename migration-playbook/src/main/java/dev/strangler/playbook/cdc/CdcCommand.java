package dev.strangler.playbook.cdc;

import dev.strangler.playbook.KitContext;
import dev.strangler.playbook.KitException;
import dev.strangler.playbook.Polling;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** The CDC bridge's operations that need a person's decision. */
@Command(name = "cdc", mixinStandardHelpOptions = true, description = "Operate the CDC bridge.",
        subcommands = {CdcCommand.Resnapshot.class, ConnectorConfigCommand.class, BackfillCommand.class})
public final class CdcCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "resnapshot", mixinStandardHelpOptions = true,
            description = {"Start the CDC bridge's engines again after they stopped on their own; where the stored "
                    + "binlog position is gone from the server (binlog purged, database restored or re-created), "
                    + "snapshot the captured tables again first.",
                    "Safe at any phase: the services apply a row only when it is newer than what they have (their "
                            + "own writes after a cut-over included). Outbox events of rows already pruned and never "
                            + "relayed cannot be re-read: 'kit compare data' shows where."})
    static final class Resnapshot implements Runnable {

        private final KitContext kit;

        @Spec
        CommandSpec spec;

        @Option(names = "--timeout", defaultValue = "120", description = "Seconds to wait for the bridge to be "
                + "healthy again (default: ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        Resnapshot(KitContext kit) {
            this.kit = kit;
        }

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            JsonNode recovery = kit.cdcBridge().post("/cdc/recovery", Map.of());
            boolean forward = recovery.path("forwardRestarted").asBoolean();
            boolean outbox = recovery.path("outboxRestarted").asBoolean();
            if (!forward && !outbox) {
                out.println("Both engines of the CDC bridge are running: nothing to recover.");
                return;
            }
            out.printf("Started again (snapshotting where the position was gone): %s%s%n",
                    forward ? "the forward path" : "", outbox ? (forward ? ", " : "") + "the outbox relay" : "");
            out.flush();
            JsonNode status = Polling.until(Duration.ofSeconds(timeoutSeconds), Duration.ofSeconds(1),
                    () -> kit.cdcBridge().get("/cdc/status"),
                    current -> current.path("running").asBoolean() && current.path("outbox").path("running")
                            .asBoolean() && current.path("problem").isNull());
            if (!status.path("problem").isNull()) {
                throw new KitException(KitException.CHECK_FAILED, "the CDC bridge still reports: "
                        + status.path("problem").asString());
            }
            out.println("The CDC bridge is capturing again; once it caught up, check with "
                    + "'./kit compare data --context <name>'.");
        }
    }
}
