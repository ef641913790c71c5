package dev.strangler.playbook;

import picocli.CommandLine;

/** Entry point of {@code ./kit}. Exit codes: 0 success, 1 a gate or comparison failed, 2 bad usage or configuration. */
public final class KitCli {

    private KitCli() {
    }

    public static void main(String[] args) {
        System.exit(commandLine(KitContext.ofProcess()).execute(args));
    }

    public static CommandLine commandLine(KitContext context) {
        CommandLine commandLine = new CommandLine(KitCommand.class, new KitFactory(context));
        commandLine.setExecutionExceptionHandler(new KitErrorHandler());
        return commandLine;
    }
}
