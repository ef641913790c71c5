package dev.strangler.infra;

import java.util.List;
import java.util.Map;

/**
 * Ports and accounts of the kit's embedded infrastructure. Every value has an environment variable, so the
 * stack, the services and the tests agree on one set of names without any of them being written in code paths.
 *
 * @param databasePort       MariaDB's TCP port ({@code KIT_DB_PORT}, 3307)
 * @param kafkaPort          the broker's client port ({@code KIT_KAFKA_PORT}, 9092)
 * @param kafkaControllerPort the KRaft controller port ({@code KIT_KAFKA_CONTROLLER_PORT}, 9093)
 * @param legacy             the monolith's schema and account ({@code LEGACY_DB_NAME|USER|PASSWORD})
 * @param member             the member service's ({@code MEMBER_DB_NAME|USER|PASSWORD})
 * @param order              the order service's ({@code ORDER_DB_NAME|USER|PASSWORD})
 * @param cdc                the change-data-capture account ({@code CDC_DB_USER|PASSWORD}); its
 *                           {@code database} is unused: it reads the binlog and every schema above
 */
public record InfraSettings(int databasePort, int kafkaPort, int kafkaControllerPort,
                            DatabaseAccount legacy, DatabaseAccount member, DatabaseAccount order,
                            DatabaseAccount cdc) {

    public static final String DATABASE_PORT = "KIT_DB_PORT";
    public static final String KAFKA_PORT = "KIT_KAFKA_PORT";
    public static final String KAFKA_CONTROLLER_PORT = "KIT_KAFKA_CONTROLLER_PORT";

    public static InfraSettings fromEnvironment(Map<String, String> environment) {
        EnvironmentSettings env = new EnvironmentSettings(environment);
        return new InfraSettings(
                env.port(DATABASE_PORT, 3307),
                env.port(KAFKA_PORT, 9092),
                env.port(KAFKA_CONTROLLER_PORT, 9093),
                account(env, "LEGACY", "legacy_db", "legacy_app", "legacy_pw"),
                account(env, "MEMBER", "member_db", "member_svc", "member_pw"),
                account(env, "ORDER", "order_db", "order_svc", "order_pw"),
                account(env, "CDC", "", "kit_cdc", "cdc_pw"));
    }

    public InfraSettings withPorts(int databasePort, int kafkaPort, int kafkaControllerPort) {
        return new InfraSettings(databasePort, kafkaPort, kafkaControllerPort, legacy, member, order, cdc);
    }

    /** The accounts that each own one schema. */
    public List<DatabaseAccount> serviceAccounts() {
        return List.of(legacy, member, order);
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + databasePort + "/" + database
                + "?useUnicode=true&characterEncoding=UTF-8&connectionTimeZone=UTC&rewriteBatchedStatements=true";
    }

    private static DatabaseAccount account(EnvironmentSettings env, String prefix, String database, String user,
                                           String password) {
        return new DatabaseAccount(
                env.text(prefix + "_DB_NAME", database),
                env.text(prefix + "_DB_USER", user),
                env.text(prefix + "_DB_PASSWORD", password));
    }
}
