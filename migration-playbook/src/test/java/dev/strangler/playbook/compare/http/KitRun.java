package dev.strangler.playbook.compare.http;

import dev.strangler.playbook.KitCli;
import dev.strangler.playbook.KitContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the kit's command line in this JVM: its exit code and what it printed. */
record KitRun(int exitCode, String output, String errors) {

    static KitRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = KitCli.commandLine(KitContext.ofProcess());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new KitRun(exitCode, out.toString(), err.toString());
    }
}
