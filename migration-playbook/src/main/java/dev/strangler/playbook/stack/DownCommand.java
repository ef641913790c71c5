package dev.strangler.playbook.stack;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "down", mixinStandardHelpOptions = true, description = "Stop every process 'kit up' started.")
public final class DownCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        StackLayout layout = StackLayout.current();
        StackDefinition stack = StackDefinition.fromEnvironment(System.getenv(), layout);
        List<String> stopped = new StackStopper(new KitProcesses(layout), stack).stopAll();
        out.println(stopped.isEmpty() ? "Nothing of the kit was running." : "Stopped: " + String.join(", ", stopped));
    }
}
