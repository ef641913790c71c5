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
        return DriverManager.getConnection(infra.jdbcUrl(database.database()), database.user(), database.password());
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

    private DatabaseAccount fromEnvironment(String name) {
        String prefix = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
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
