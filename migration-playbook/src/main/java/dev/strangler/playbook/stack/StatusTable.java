package dev.strangler.playbook.stack;

import java.util.List;
import java.util.Optional;

/** The table {@code kit up} and {@code kit status} print: one row per part of the stack. */
final class StatusTable {

    private static final String ROW = "%-26s %-9s %-8s %-30s %8s  %s%n";

    private StatusTable() {
    }

    static String render(List<StackComponent> components, KitProcesses processes, StackLayout layout) {
        StringBuilder table = new StringBuilder(String.format(ROW, "NAME", "STATE", "PID", "URL", "RSS(MiB)", "LOG"));
        long totalMemory = 0;
        for (StackComponent component : components) {
            Optional<ProcessHandle> process = processes.running(component.name());
            String state = process.isEmpty() ? "stopped" : component.health().healthy() ? "healthy" : "unhealthy";
            long memory = process.map(KitProcesses::residentMebibytes).orElse(0L);
            totalMemory += memory;
            table.append(String.format(ROW, component.name(), state,
                    process.map(p -> Long.toString(p.pid())).orElse("-"), component.url(),
                    process.isPresent() ? Long.toString(memory) : "-",
                    layout.home().relativize(layout.logFile(component.name()))));
        }
        table.append(String.format(ROW, "total", "", "", "", Long.toString(totalMemory), ""));
        return table.toString();
    }
}
