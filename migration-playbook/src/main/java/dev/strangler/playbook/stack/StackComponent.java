package dev.strangler.playbook.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One process of the stack.
 *
 * @param name        the name used for its PID file, log file and in every table
 * @param url         where a person reaches it
 * @param ports       the ports it binds on 127.0.0.1
 * @param artifact    the packaged jar (or war) it runs; the launcher runs a copy of it, so that rebuilding the
 *                    project while the stack runs cannot pull classes from under a running JVM
 * @param command     the command line, a JVM each, running the artifact's {@link StackLayout#runningCopy}
 * @param environment added to the launcher's environment
 * @param health      how the kit knows it is ready
 * @param metricsUrl  its Prometheus endpoint, or null (the embedded servers)
 */
public record StackComponent(String name, String url, List<PortSetting> ports, Path artifact,
                             List<String> command,
                             Map<String, String> environment, HealthCheck health, String metricsUrl) {
}
