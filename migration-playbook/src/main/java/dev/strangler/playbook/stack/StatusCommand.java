package dev.strangler.playbook.stack;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show each part of the stack: URL, PID, health, resident memory and log file.")
public final class StatusCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        StackLayout layout = StackLayout.current();
        StackDefinition stack = StackDefinition.fromEnvironment(System.getenv(), layout);
        spec.commandLine().getOut().print(StatusTable.render(stack.all(), new KitProcesses(layout), layout));
        spec.commandLine().getOut().flush();
    }
}
