package dev.strangler.playbook;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns a failed command into one clear line and exit code 2, not a stack trace. */
final class KitErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        commandLine.getErr().println(commandLine.getColorScheme().errorText("kit " + commandLine.getCommandName() + ": " + message));
        return e instanceof KitException kit ? kit.exitCode() : KitException.USAGE_OR_CONFIGURATION;
    }
}
