package dev.strangler.playbook.stack;

import dev.strangler.playbook.KitContext;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "down", mixinStandardHelpOptions = true, description = "Stop every process 'kit up' started.")
public final class DownCommand implements Runnable {

    private final KitContext kit;

    @Spec
    CommandSpec spec;

    DownCommand(KitContext kit) {
        this.kit = kit;
    }

    @Override
    public void run() {
        List<String> stopped = new Stack(kit).down();
        spec.commandLine().getOut().println(stopped.isEmpty() ? "Nothing of the kit was running."
                : "Stopped: " + String.join(", ", stopped));
    }
}
