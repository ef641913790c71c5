package dev.strangler.playbook.compare;

import dev.strangler.playbook.compare.http.CompareHttpCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare the monolith with the extracted services: their data, and their HTTP answers.",
        subcommands = {CompareDataCommand.class, CompareHttpCommand.class})
public final class CompareCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
