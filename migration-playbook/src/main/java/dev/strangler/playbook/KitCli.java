package dev.strangler.playbook;

import picocli.CommandLine;

/** Entry point of {@code ./kit}. Exit codes: 0 success, 1 a gate or comparison failed, 2 bad usage or configuration. */
public final class KitCli {

    private KitCli() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new KitCommand());
        commandLine.setExecutionExceptionHandler(new KitErrorHandler());
        return commandLine;
    }
}
