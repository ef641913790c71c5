package dev.strangler.playbook.compare;

import dev.strangler.infra.DatabaseAccount;
import dev.strangler.infra.InfraSettings;
import dev.strangler.playbook.KitException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The accounts a playbook names ({@code legacy}, {@code member}, {@code order}), from the stack's settings. */
final class Accounts {

    private final InfraSettings infra;

    Accounts(InfraSettings infra) {
        this.infra = infra;
    }

    Connection connect(String account) throws SQLException {
        DatabaseAccount database = switch (account) {
            case "legacy" -> infra.legacy();
            case "member" -> infra.member();
            case "order" -> infra.order();
            default -> throw KitException.configuration("unknown account '" + account + "': use legacy, member or order");
        };
        return DriverManager.getConnection(infra.jdbcUrl(database.database()), database.user(), database.password());
    }

    String database(String account) {
        return switch (account) {
            case "legacy" -> infra.legacy().database();
            case "member" -> infra.member().database();
            case "order" -> infra.order().database();
            default -> throw KitException.configuration("unknown account '" + account + "'");
        };
    }
}
