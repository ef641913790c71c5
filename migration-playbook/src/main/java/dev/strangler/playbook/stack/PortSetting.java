package dev.strangler.playbook.stack;

/**
 * A port a component binds, and the environment variable that changes it, so a clash can be reported by name.
 */
public record PortSetting(int port, String variable) {
}
