package dev.strangler.infra;

import dev.strangler.infra.mariadb.Durability;
import java.util.List;
import java.util.Map;

/**
 * Ports and accounts of the kit's embedded infrastructure. Every value has an environment variable, so the
 * stack, the services and the tests agree on one set of names without any of them being written in code paths.
 *
 * @param databaseHost       the database server ({@code KIT_DB_HOST}, 127.0.0.1); any other host means an
 *                           external MySQL 8 or MariaDB server that the kit does not start
 * @param databasePort       MariaDB's TCP port ({@code KIT_DB_PORT}, 3307)
 * @param databaseSslMode    the JDBC driver's sslMode ({@code KIT_DB_SSL_MODE}): DISABLED for the embedded server
 *                           on loopback, where TLS only costs CPU (AES-GCM was the member service's hottest frame
 *                           during a backfill); the driver's PREFERRED for any other server
 * @param externalKafka      an external cluster's bootstrap servers ({@code KIT_KAFKA_BOOTSTRAP}); empty means
 *                           the kit's own broker on {@code kafkaPort}
 * @param kafkaPort          the broker's client port ({@code KIT_KAFKA_PORT}, 9092)
 * @param kafkaControllerPort the KRaft controller port ({@code KIT_KAFKA_CONTROLLER_PORT}, 9093)
 * @param legacy             the monolith's schema and account ({@code LEGACY_DB_NAME|USER|PASSWORD})
 * @param member             the member service's run-time account ({@code MEMBER_DB_NAME|USER|PASSWORD}): rows
 *                           only (SELECT, INSERT, UPDATE, DELETE), no DDL
 * @param order              the order service's ({@code ORDER_DB_NAME|USER|PASSWORD}), likewise
 * @param memberMigration    the account the member service's Flyway migrates its schema with
 *                           ({@code MEMBER_DB_MIGRATION_USER|PASSWORD}): DDL on that schema only
 * @param orderMigration     the order service's ({@code ORDER_DB_MIGRATION_USER|PASSWORD})
 * @param cdc                the change-data-capture account ({@code CDC_DB_USER|PASSWORD}); its
 *                           {@code database} is unused: it reads the binlog and every schema above
 * @param kitDatabase        the kit's own bookkeeping schema ({@code KIT_DB_NAME}, kit_db)
 * @param durability         how the embedded server flushes commits ({@code KIT_DB_DURABILITY}: fast, the
 *                           default, or full); see {@link Durability}
 */
public record InfraSettings(String databaseHost, int databasePort, String databaseSslMode, String externalKafka,
                            int kafkaPort, int kafkaControllerPort,
                            DatabaseAccount legacy, DatabaseAccount member, DatabaseAccount order,
                            DatabaseAccount memberMigration, DatabaseAccount orderMigration,
                            DatabaseAccount cdc, String kitDatabase, Durability durability) {

    public static final String DATABASE_HOST = "KIT_DB_HOST";
    public static final String DATABASE_PORT = "KIT_DB_PORT";
    public static final String DATABASE_SSL_MODE = "KIT_DB_SSL_MODE";
    public static final String KAFKA_BOOTSTRAP = "KIT_KAFKA_BOOTSTRAP";
    public static final String KAFKA_PORT = "KIT_KAFKA_PORT";
    public static final String KAFKA_CONTROLLER_PORT = "KIT_KAFKA_CONTROLLER_PORT";

    public static InfraSettings fromEnvironment(Map<String, String> environment) {
        EnvironmentSettings env = new EnvironmentSettings(environment);
        String host = env.text(DATABASE_HOST, "127.0.0.1");
        DatabaseAccount member = account(env, "MEMBER", "member_db", "member_svc", "member_pw");
        DatabaseAccount order = account(env, "ORDER", "order_db", "order_svc", "order_pw");
        return new InfraSettings(
                host,
                env.port(DATABASE_PORT, 3307),
                env.text(DATABASE_SSL_MODE, isLoopback(host) ? "DISABLED" : "PREFERRED"),
                env.text(KAFKA_BOOTSTRAP, ""),
                env.port(KAFKA_PORT, 9092),
                env.port(KAFKA_CONTROLLER_PORT, 9093),
                account(env, "LEGACY", "legacy_db", "legacy_app", "legacy_pw"),
                member,
                order,
                migration(env, "MEMBER", member, "member_migrator", "member_migrator_pw"),
                migration(env, "ORDER", order, "order_migrator", "order_migrator_pw"),
                account(env, "CDC", "", "kit_cdc", "cdc_pw"),
                env.text("KIT_DB_NAME", "kit_db"),
                Durability.parse(env.text(Durability.VARIABLE, "fast")));
    }

    public InfraSettings withPorts(int databasePort, int kafkaPort, int kafkaControllerPort) {
        return new InfraSettings(databaseHost, databasePort, databaseSslMode, externalKafka, kafkaPort, kafkaControllerPort,
                legacy, member, order, memberMigration, orderMigration, cdc, kitDatabase, durability);
    }

    /** Whether the kit starts the database itself (on loopback) or uses a server someone else runs. */
    public boolean embeddedDatabase() {
        return isLoopback(databaseHost);
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost");
    }

    public boolean embeddedKafka() {
        return externalKafka.isEmpty();
    }

    /** The accounts that each own one schema: the monolith's, and the services' run-time accounts. */
    public List<DatabaseAccount> serviceAccounts() {
        return List.of(legacy, member, order);
    }

    /** The services' migration accounts, on the same schemas as their run-time accounts. */
    public List<DatabaseAccount> migrationAccounts() {
        return List.of(memberMigration, orderMigration);
    }

    public String kafkaBootstrapServers() {
        return embeddedKafka() ? "127.0.0.1:" + kafkaPort : externalKafka;
    }

    public String jdbcUrl(String database) {
        return "jdbc:mysql://" + databaseHost + ":" + databasePort + "/" + database
                + "?useUnicode=true&characterEncoding=UTF-8&connectionTimeZone=UTC&rewriteBatchedStatements=true"
                + "&sslMode=" + databaseSslMode;
    }

    private static DatabaseAccount account(EnvironmentSettings env, String prefix, String database, String user,
                                           String password) {
        return new DatabaseAccount(
                env.text(prefix + "_DB_NAME", database),
                env.text(prefix + "_DB_USER", user),
                env.text(prefix + "_DB_PASSWORD", password));
    }

    private static DatabaseAccount migration(EnvironmentSettings env, String prefix, DatabaseAccount runtime, String user,
                                             String password) {
        return new DatabaseAccount(runtime.database(),
                env.text(prefix + "_DB_MIGRATION_USER", user),
                env.text(prefix + "_DB_MIGRATION_PASSWORD", password));
    }
}
