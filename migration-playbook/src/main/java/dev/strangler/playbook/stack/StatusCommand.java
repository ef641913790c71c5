package dev.strangler.playbook.stack;

import dev.strangler.playbook.KitContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show each part of the stack: URL, PID, health, resident memory and log file.")
public final class StatusCommand implements Runnable {

    private final KitContext kit;

    @Spec
    CommandSpec spec;

    StatusCommand(KitContext kit) {
        this.kit = kit;
    }

    @Override
    public void run() {
        spec.commandLine().getOut().print(new Stack(kit).status());
        spec.commandLine().getOut().flush();
    }
}
