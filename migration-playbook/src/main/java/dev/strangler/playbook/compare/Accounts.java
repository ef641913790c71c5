package dev.strangler.playbook.compare;

import dev.strangler.infra.DatabaseAccount;
import dev.strangler.infra.InfraSettings;
import dev.strangler.playbook.KitException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The database accounts a playbook's contexts name. {@code legacy}, {@code member} and {@code order} are the
 * stack's own; any other name {@code x} is an extracted service the kit does not ship, found in the environment
 * as {@code X_DB_NAME}, {@code X_DB_USER} and {@code X_DB_PASSWORD} (the same variables the kit's accounts use).
 * Any account's database may be on a server of its own: {@code X_DB_URL} is then its whole JDBC URL (host, port,
 * database and TLS settings), e.g. {@code LEGACY_DB_URL} for a legacy server that is not the services' one.
 */
final class Accounts {

    private final InfraSettings infra;
    private final Map<String, String> environment;

    Accounts(InfraSettings infra, Map<String, String> environment) {
        this.infra = infra;
        this.environment = environment;
    }

    Connection connect(String account) throws SQLException {
        DatabaseAccount database = account(account);
        String url = environment.getOrDefault(prefix(account) + "_DB_URL", "");
        return DriverManager.getConnection(url.isBlank() ? infra.jdbcUrl(database.database()) : url,
                database.user(), database.password());
    }

    String database(String account) {
        return account(account).database();
    }

    DatabaseAccount account(String name) {
        return switch (name) {
            case "legacy" -> infra.legacy();
            case "member" -> infra.member();
            case "order" -> infra.order();
            default -> fromEnvironment(name);
        };
    }

    private static String prefix(String account) {
        return account.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private DatabaseAccount fromEnvironment(String name) {
        String prefix = prefix(name);
        List<String> variables = List.of(prefix + "_DB_NAME", prefix + "_DB_USER", prefix + "_DB_PASSWORD");
        List<String> missing = variables.stream().filter(v -> environment.getOrDefault(v, "").isBlank()).toList();
        if (!missing.isEmpty()) {
            throw KitException.configuration("account '" + name + "' is not one of the kit's (legacy, member, "
                    + "order): set " + String.join(", ", missing));
        }
        return new DatabaseAccount(environment.get(variables.get(0)), environment.get(variables.get(1)),
                environment.get(variables.get(2)));
    }
}
