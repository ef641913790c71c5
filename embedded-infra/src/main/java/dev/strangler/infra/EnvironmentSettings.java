package dev.strangler.infra;

import java.util.Map;

/** Reads one setting from the environment, falling back to a default, and names the variable when it is bad. */
public record EnvironmentSettings(Map<String, String> environment) {

    public String text(String variable, String defaultValue) {
        String value = environment.get(variable);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    public int port(String variable, int defaultValue) {
        String value = text(variable, Integer.toString(defaultValue));
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a port number from 1 to 65535, but was '" + value + "'");
        }
    }
}
