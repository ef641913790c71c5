package dev.strangler.control.passwords;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Finds the database passwords that are still the defaults published in an application.yml
 * ({@code password: ${MEMBER_DB_PASSWORD:member_pw}}) while the database is a server the kit did not start. On the
 * kit's embedded server (loopback) the defaults are the point; anywhere else anyone who has read the kit knows them.
 * The extracted services (service-support) and the CDC bridge each refuse to start on what this finds.
 */
public final class BuiltInPasswords {

    /** A whole value that is one placeholder with a default: the variable, then the default. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+):([^}]*)}");

    /** A password property still at its placeholder's default, the variable that sets it, and the server's address. */
    public record BuiltInPassword(String property, String variable, String server) {
    }

    private final ConfigurableEnvironment environment;

    public BuiltInPasswords(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    /** The password property, if still its default while the JDBC URL points at a server the kit did not start. */
    public Optional<BuiltInPassword> onJdbcUrl(String passwordProperty, String jdbcUrl) {
        return onServer(passwordProperty, server(jdbcUrl));
    }

    /** The same for a server given as host or host:port (e.g. Debezium's {@code database.hostname}). */
    public Optional<BuiltInPassword> onServer(String passwordProperty, String server) {
        if (server == null || server.isBlank() || isLoopback(server)) {
            return Optional.empty();
        }
        return defaultVariable(passwordProperty)
                .map(variable -> new BuiltInPassword(passwordProperty, variable, server));
    }

    /** The variable whose default the property's value is, if it is its placeholder's default. */
    private Optional<String> defaultVariable(String property) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)) {
                continue;
            }
            Object raw = source.getProperty(property);
            if (raw == null) {
                continue;
            }
            // The source that wins decides: a value set outright (an environment variable SPRING_DATASOURCE_PASSWORD,
            // a test's property) is the deployment's own choice.
            Matcher placeholder = PLACEHOLDER.matcher(raw.toString());
            if (placeholder.matches() && placeholder.group(2).equals(environment.getProperty(property))) {
                return Optional.of(placeholder.group(1));
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** host:port of a JDBC URL ({@code jdbc:mysql://db.example:3306/member_db?…}), every host of a list. */
    static String server(String jdbcUrl) {
        if (jdbcUrl == null) {
            return "";
        }
        int start = jdbcUrl.indexOf("//");
        if (start < 0) {
            return "";
        }
        String rest = jdbcUrl.substring(start + 2);
        int end = rest.length();
        for (char delimiter : new char[] {'/', '?'}) {
            int at = rest.indexOf(delimiter);
            end = at >= 0 ? Math.min(end, at) : end;
        }
        String authority = rest.substring(0, end);
        return authority.substring(authority.lastIndexOf('@') + 1);
    }

    /** Whether every host of the address is this machine, where the kit's embedded server listens. */
    static boolean isLoopback(String server) {
        for (String hostAndPort : server.split(",")) {
            String host = host(hostAndPort.trim()).toLowerCase(Locale.ROOT);
            if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("::1"))) {
                return false;
            }
        }
        return true;
    }

    /** The host of host:port, [v6]:port, or a bare host or IPv6 address. */
    private static String host(String hostAndPort) {
        if (hostAndPort.startsWith("[") && hostAndPort.indexOf(']') > 0) {
            return hostAndPort.substring(1, hostAndPort.indexOf(']'));
        }
        int colon = hostAndPort.indexOf(':');
        return colon >= 0 && colon == hostAndPort.lastIndexOf(':') ? hostAndPort.substring(0, colon) : hostAndPort;
    }
}
