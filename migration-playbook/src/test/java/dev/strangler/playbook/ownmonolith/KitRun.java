package dev.strangler.playbook.ownmonolith;

import dev.strangler.playbook.KitCli;
import dev.strangler.playbook.KitContext;
import dev.strangler.playbook.stack.StackLayout;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One {@code kit} command run in this JVM: what it printed, and its exit code. */
record KitRun(int exitCode, String output, String errors) {

    /** Runs {@code kit} with this environment and the kit home at the repository root (where cdc-bridge/target/ is). */
    static KitRun of(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = KitCli.commandLine(new KitContext(StackLayout.of("..", environment), environment));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new KitRun(exitCode, out.toString(), err.toString());
    }
}
