package dev.strangler.playbook.init;

import dev.strangler.playbook.KitException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the legacy tables {@code kit init} starts from out of a live schema's {@code information_schema}: columns,
 * types, nullability, the primary key in its order, generated columns and a likely version column. Refuses, with
 * every reason at once, tables the kit could not replicate or compare.
 */
final class LiveSchema {

    /** Names the kit's tools put into SQL as they are (the CDC bridge's table list, reconciliation's queries). */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_$]+");
    /** Column names that usually hold the time of a row's last change. */
    private static final Pattern VERSION_NAME = Pattern.compile("(?i).*(upd|modif|last_?change|changed).*");
    /** How MariaDB keeps a JSON column: a longtext checked by json_valid(`column`). */
    private static final Pattern JSON_CHECK = Pattern.compile("(?i)json_valid\\(`?([^`)]+)`?\\)");

    private final String jdbcUrl;
    private final String user;
    private final String password;

    LiveSchema(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** The named tables of the schema, or all its base tables when {@code names} is empty. */
    List<LegacyTable> read(String schema, List<String> names) {
        try (Connection connection = connect()) {
            if (!exists(connection, schema)) {
                throw KitException.configuration("schema " + schema + " does not exist at " + withoutParameters(jdbcUrl)
                        + " (or account " + user + " may not see it)");
            }
            List<String> tables = tables(connection, schema, names);
            boolean mariaDb = connection.getMetaData().getDatabaseProductVersion().contains("MariaDB");
            List<LegacyTable> read = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (String table : tables) {
                LegacyTable legacy = table(connection, schema, table, mariaDb);
                problems.addAll(problems(schema, legacy));
                read.add(legacy);
            }
            if (!problems.isEmpty()) {
                throw KitException.configuration(String.join("; ", problems));
            }
            return read;
        } catch (SQLException e) {
            throw KitException.configuration("cannot read schema " + schema + " at " + withoutParameters(jdbcUrl)
                    + ": " + oneLine(e));
        }
    }

    private Connection connect() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password == null ? "" : password);
        properties.setProperty("connectTimeout", "10000");
        try {
            return DriverManager.getConnection(jdbcUrl, properties);
        } catch (SQLException e) {
            throw KitException.configuration("cannot connect to " + withoutParameters(jdbcUrl) + " as " + user + ": "
                    + oneLine(e));
        }
    }

    private static boolean exists(Connection connection, String schema) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** The tables asked for, spelt as the schema spells them; every unknown name in one error. */
    private static List<String> tables(Connection connection, String schema, List<String> names) throws SQLException {
        List<String> existing = strings(connection, "SELECT TABLE_NAME FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME", schema);
        if (names.isEmpty()) {
            if (existing.isEmpty()) {
                throw KitException.configuration("schema " + schema + " has no tables");
            }
            return existing;
        }
        List<String> found = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            existing.stream().filter(table -> table.equals(name)).findFirst()
                    .or(() -> existing.stream().filter(table -> table.equalsIgnoreCase(name)).findFirst())
                    .ifPresentOrElse(found::add, () -> unknown.add(name));
        }
        if (!unknown.isEmpty()) {
            throw KitException.configuration("no table " + String.join(", ", unknown) + " in schema " + schema
                    + " (it has " + (existing.isEmpty() ? "none" : String.join(", ", existing)) + ")");
        }
        return found.stream().distinct().toList();
    }

    private static LegacyTable table(Connection connection, String schema, String table, boolean mariaDb)
            throws SQLException {
        Set<String> jsonColumns = mariaDb ? jsonColumns(connection, schema, table) : Set.of();
        List<LegacyColumn> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE,"
                + " IS_NULLABLE, CHARACTER_SET_NAME, COLLATION_NAME, EXTRA, GENERATION_EXPRESSION"
                + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            query.setString(1, schema);
            query.setString(2, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String extra = rows.getString("EXTRA").toLowerCase(Locale.ROOT);
                    // MySQL writes DEFAULT_GENERATED for an expression default: that column is written, not generated.
                    boolean generated = extra.contains("virtual generated") || extra.contains("stored generated")
                            || extra.contains("persistent generated");
                    String name = rows.getString("COLUMN_NAME");
                    columns.add(new LegacyColumn(name, rows.getString("DATA_TYPE").toLowerCase(Locale.ROOT),
                            rows.getString("COLUMN_TYPE"), "YES".equals(rows.getString("IS_NULLABLE")),
                            rows.getString("CHARACTER_SET_NAME"), rows.getString("COLLATION_NAME"),
                            extra.contains("on update"), generated ? rows.getString("GENERATION_EXPRESSION") : null,
                            !extra.contains("virtual"), jsonColumns.contains(name)));
                }
            }
        }
        List<String> key = strings(connection, "SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY ORDINAL_POSITION",
                schema, table);
        return new LegacyTable(table, columns, key, version(columns, key));
    }

    /** A time column the server sets on every update; otherwise one named like a last-change time. */
    static String version(List<LegacyColumn> columns, List<String> key) {
        List<LegacyColumn> candidates = columns.stream()
                .filter(column -> column.isTime() && !column.generated() && !key.contains(column.name())).toList();
        return candidates.stream().filter(LegacyColumn::onUpdate).findFirst()
                .or(() -> candidates.stream().filter(column -> VERSION_NAME.matcher(column.name()).matches()).findFirst())
                .map(LegacyColumn::name).orElse(null);
    }

    private static Set<String> jsonColumns(Connection connection, String schema, String table) throws SQLException {
        Set<String> columns = new HashSet<>();
        for (String clause : strings(connection, "SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ?", schema, table)) {
            Matcher json = JSON_CHECK.matcher(clause.trim());
            if (json.matches()) {
                columns.add(json.group(1));
            }
        }
        return columns;
    }

    private static List<String> problems(String schema, LegacyTable table) {
        List<String> problems = new ArrayList<>();
        String where = "table " + schema + "." + table.name();
        if (table.key().isEmpty()) {
            problems.add(where + " has no primary key: replication upserts and deletes each row by its key, and"
                    + " reconciliation pairs rows by it; add a primary key or leave the table out with --tables");
        }
        if (!PLAIN_NAME.matcher(table.name()).matches()) {
            problems.add(where + ": the kit's tools take table names of letters, digits, '_' and '$' only");
        }
        table.columns().stream().map(LegacyColumn::name).filter(name -> !PLAIN_NAME.matcher(name).matches())
                .forEach(name -> problems.add(where + ": column '" + name + "' is not a name of letters, digits,"
                        + " '_' and '$', which the kit's tools put into SQL as it is"));
        return problems;
    }

    private static List<String> strings(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    /** The URL without its parameters, which may carry a password. */
    static String withoutParameters(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    /** The driver's reason in one line: its first line, and the cause's, without a stack trace. */
    private static String oneLine(SQLException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                .orElse("").trim();
        Throwable cause = e.getCause();
        while (cause != null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause == null || cause.getMessage() == null ? reason : reason + " (" + cause.getMessage() + ")";
    }
}
