package dev.strangler.playbook.stack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Stops the stack in reverse start order: the services together, then Kafka, the database last. */
final class StackStopper {

    private final KitProcesses processes;
    private final StackDefinition stack;

    StackStopper(KitProcesses processes, StackDefinition stack) {
        this.processes = processes;
        this.stack = stack;
    }

    /** @return the names of the components that were running and are now stopped */
    List<String> stopAll() {
        List<String> stopped = Collections.synchronizedList(new ArrayList<>());
        List<Thread> serviceStops = new ArrayList<>();
        for (StackComponent service : stack.services()) {
            Thread stop = new Thread(() -> {
                if (processes.stop(service.name())) {
                    stopped.add(service.name());
                }
            }, "kit-stop-" + service.name());
            stop.start();
            serviceStops.add(stop);
        }
        serviceStops.forEach(StackStopper::join);
        List<StackComponent> infrastructure = new ArrayList<>(stack.infrastructure());
        Collections.reverse(infrastructure);
        for (StackComponent component : infrastructure) {
            if (processes.stop(component.name())) {
                stopped.add(component.name());
            }
        }
        return stopped;
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
