package dev.strangler.playbook;

import dev.strangler.playbook.cdc.CdcCommand;
import dev.strangler.playbook.compare.CompareCommand;
import dev.strangler.playbook.console.ConsoleCommand;
import dev.strangler.playbook.demo.DemoCommand;
import dev.strangler.playbook.dlt.DltCommand;
import dev.strangler.playbook.init.InitCommand;
import dev.strangler.playbook.demo.LoadCommand;
import dev.strangler.playbook.routes.RoutesCommand;
import dev.strangler.playbook.run.PlaybookCommand;
import dev.strangler.playbook.seed.SeedCommand;
import dev.strangler.playbook.stack.DownCommand;
import dev.strangler.playbook.stack.InfraCommand;
import dev.strangler.playbook.stack.PartCommands;
import dev.strangler.playbook.stack.StatusCommand;
import dev.strangler.playbook.stack.SuperviseCommand;
import dev.strangler.playbook.stack.UpCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

@Command(name = "kit", mixinStandardHelpOptions = true, versionProvider = KitVersion.class,
        description = "Strangler migration kit: run the stack, seed it, flip routes, run the playbook, compare.",
        subcommands = {
                DemoCommand.class,
                LoadCommand.class,
                UpCommand.class,
                DownCommand.class,
                StatusCommand.class,
                PartCommands.Stop.class,
                PartCommands.Start.class,
                InfraCommand.class,
                SuperviseCommand.class,
                SeedCommand.class,
                InitCommand.class,
                CompareCommand.class,
                CdcCommand.class,
                DltCommand.class,
                PlaybookCommand.class,
                RoutesCommand.class,
                ConsoleCommand.class,
                HelpCommand.class,
        })
public final class KitCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
