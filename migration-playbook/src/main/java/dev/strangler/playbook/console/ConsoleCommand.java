package dev.strangler.playbook.console;

import dev.strangler.playbook.KitContext;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Serve the migration console: routes, shadow diffs, data and the playbook in a browser "
                + "(kit up starts it; log in with a control token).")
public final class ConsoleCommand implements Callable<Integer> {

    private final KitContext kit;

    @Option(names = "--port", description = "the port (default: KIT_CONSOLE_PORT or 8070)")
    Integer port;

    @Option(names = "--address", description = "the address to listen on (default: KIT_CONSOLE_ADDRESS or 127.0.0.1)")
    String address;

    @Option(names = "--playbook", description = "the playbook it shows and runs (default: KIT_CONSOLE_PLAYBOOK or the demo's)")
    Path playbook;

    ConsoleCommand(KitContext kit) {
        this.kit = kit;
    }

    @Override
    public Integer call() throws InterruptedException {
        ConsoleSettings settings = ConsoleSettings.of(kit, port, address, playbook);
        ConfigurableApplicationContext console = ConsoleServer.start(kit, settings);
        Runtime.getRuntime().addShutdownHook(new Thread(console::close, "console-stop"));
        System.out.println("Migration console: " + settings.url());
        Thread.currentThread().join(); // serve until the process is stopped
        return 0;
    }
}
