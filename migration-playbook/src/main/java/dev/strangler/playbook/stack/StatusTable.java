package dev.strangler.playbook.stack;

import dev.strangler.playbook.metrics.PartFigures;
import dev.strangler.playbook.metrics.PrometheusScrape;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The table {@code kit up} and {@code kit status} print: one row per part of the stack. */
final class StatusTable {

    private static final String ROW = "%-26s %-9s %-8s %-30s %8s %8s  %s%n";

    private StatusTable() {
    }

    static String render(List<StackComponent> components, KitProcesses processes, StackLayout layout) {
        StringBuilder table = new StringBuilder(String.format(ROW, "NAME", "STATE", "PID", "URL", "RSS(MiB)",
                "RESTARTS", "LOG"));
        StringBuilder attention = new StringBuilder();
        long totalMemory = 0;
        for (StackComponent component : components) {
            Optional<ProcessHandle> process = processes.running(component.name());
            HealthCheck.Health health = process.isEmpty() ? null : component.health().check();
            String state = health == null ? "stopped" : health.state().name().toLowerCase(Locale.ROOT);
            if (health != null && health.state() == HealthCheck.Health.State.ATTENTION) {
                attention.append(String.format("%s needs attention: %s%n  recover with: %s%n", component.name(),
                        health.reason(), health.action()));
            } else if (health != null && health.reason() != null) {
                attention.append(String.format("%s is %s: %s%n", component.name(), state, health.reason()));
            }
            PartRestarts restarts = PartRestarts.read(layout, component.name());
            if (restarts.lastExit() != null) {
                attention.append(String.format("%s was started again %d time(s); last exit: %s at %s%n",
                        component.name(), restarts.restarts(), restarts.lastExit(), restarts.lastExitAt()));
            }
            if (processes.stoppedByOperator(component.name())) {
                attention.append(String.format("%s was stopped with 'kit stop'; 'kit start %s' starts it again%n",
                        component.name(), component.name()));
            }
            long memory = process.map(KitProcesses::residentMebibytes).orElse(0L);
            totalMemory += memory;
            table.append(String.format(ROW, component.name(), state,
                    process.map(p -> Long.toString(p.pid())).orElse("-"), component.url(),
                    process.isPresent() ? Long.toString(memory) : "-", restarts.restarts(),
                    layout.home().relativize(layout.logFile(component.name()))));
        }
        table.append(String.format(ROW, "total", "", "", "", Long.toString(totalMemory), "", ""));
        boolean anyRunning = components.stream().anyMatch(c -> processes.running(c.name()).isPresent());
        table.append(!anyRunning ? "" : processes.supervisor().map(supervisor -> String.format(
                "Supervised by PID %d: a part that exits is started again.%n", supervisor.pid()))
                .orElse(String.format("No supervisor runs: a part that exits stays down ('kit down', then "
                        + "'kit up' to supervise).%n")));
        table.append(attention);
        for (StackComponent component : components) {
            if (component.metricsUrl() != null && processes.running(component.name()).isPresent()) {
                PrometheusScrape.of(component.metricsUrl()).ifPresent(scrape -> table.append(String.format(
                        "%-26s %s%n", component.name() + ":", PartFigures.describe(component.name(), scrape))));
            }
        }
        return table.toString();
    }
}
