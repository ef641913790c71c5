package dev.strangler.bench.cdc;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Benchmarks of the CDC path against the stack 'kit up' runs, configured by the same environment variables. */
@Command(name = "cdc-bench", mixinStandardHelpOptions = true,
        subcommands = {LagBenchmark.class, ThroughputBenchmark.class, BackfillBenchmark.class})
public final class CdcBenchmark {

    public static void main(String[] args) {
        System.exit(new CommandLine(new CdcBenchmark()).execute(args));
    }
}
