package dev.strangler.cdc.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.cdc.config.DatabaseServer.SslMode;
import dev.strangler.cdc.config.DatabaseServer.Tls;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The one set of TLS settings, as each of its readers (Debezium's two connectors, the JDBC driver) spells it. */
class DatabaseServerTests {

    private static final Path TRUST_STORE = Path.of("/etc/kit/ca store.p12");

    @Test
    void eachModeReachesBothConnectorsInTheirOwnWords() {
        assertThat(debezium(SslMode.DISABLED, CdcProperties.Connector.MARIADB))
                .containsEntry("database.ssl.mode", "disable");
        assertThat(debezium(SslMode.PREFERRED, CdcProperties.Connector.MARIADB))
                .containsEntry("database.ssl.mode", "trust");
        assertThat(debezium(SslMode.REQUIRED, CdcProperties.Connector.MARIADB))
                .containsEntry("database.ssl.mode", "trust");
        assertThat(debezium(SslMode.VERIFY_CA, CdcProperties.Connector.MARIADB))
                .containsEntry("database.ssl.mode", "verify-ca");
        assertThat(debezium(SslMode.VERIFY_IDENTITY, CdcProperties.Connector.MARIADB))
                .containsEntry("database.ssl.mode", "verify-full");
        assertThat(debezium(SslMode.PREFERRED, CdcProperties.Connector.MYSQL))
                .containsEntry("database.ssl.mode", "preferred");
        assertThat(debezium(SslMode.VERIFY_IDENTITY, CdcProperties.Connector.MYSQL))
                .containsEntry("database.ssl.mode", "verify_identity");
    }

    @Test
    void aTrustStoreReachesDebeziumAndTheJdbcUrlAndThePasswordNeverTheDescription() {
        DatabaseServer server = new DatabaseServer("db.internal", 3306, "kit_cdc", "secret",
                new Tls(SslMode.VERIFY_IDENTITY, TRUST_STORE.toString(), "store&pw"));

        Properties p = new Properties();
        server.debezium(p, CdcProperties.Connector.MYSQL);
        assertThat(p).containsEntry("database.hostname", "db.internal").containsEntry("database.port", "3306")
                .containsEntry("database.ssl.truststore", TRUST_STORE.toString())
                .containsEntry("database.ssl.truststore.password", "store&pw");
        assertThat(server.jdbcUrl("shop", "connectTimeout=5000"))
                .isEqualTo("jdbc:mysql://db.internal:3306/shop?sslMode=VERIFY_IDENTITY"
                        + "&trustCertificateKeyStoreUrl=file%3A%2F%2F%2Fetc%2Fkit%2Fca%2520store.p12"
                        + "&trustCertificateKeyStorePassword=store%26pw&connectTimeout=5000");
        assertThat(server.describe()).isEqualTo("kit_cdc@db.internal:3306 (TLS VERIFY_IDENTITY)")
                .doesNotContain("secret");
    }

    @Test
    void withoutTlsSettingsConnectionsAreUnencryptedAsBefore() {
        DatabaseServer server = new DatabaseServer("127.0.0.1", 3307, "kit_cdc", "cdc_pw", null);

        assertThat(server.jdbcUrl(null, null)).isEqualTo("jdbc:mysql://127.0.0.1:3307/?sslMode=DISABLED");
        assertThat(debezium(SslMode.DISABLED, CdcProperties.Connector.MARIADB))
                .doesNotContainKey("database.ssl.truststore");
    }

    private static Properties debezium(SslMode mode, CdcProperties.Connector connector) {
        Properties p = new Properties();
        new DatabaseServer("127.0.0.1", 3307, "kit_cdc", "cdc_pw", new Tls(mode, null, null)).debezium(p, connector);
        return p;
    }
}
