package dev.strangler.cdc.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * A database server the bridge reads a binlog from (and writes its kit tables on), with the account and the TLS
 * settings. Every connection to it is made from here, so the same TLS settings reach Debezium's binlog client,
 * Debezium's snapshot queries and the bridge's own JDBC connections.
 *
 * @param host     database server host
 * @param port     database server port
 * @param user     the account (REPLICATION SLAVE, REPLICATION CLIENT, SELECT on the captured tables)
 * @param password its password
 * @param ssl      how connections to it are encrypted and verified
 */
public record DatabaseServer(@NotBlank String host, @Min(1) @Max(65535) int port, @NotBlank String user,
                             @NotNull String password, @NotNull @Valid Tls ssl) {

    public DatabaseServer {
        ssl = ssl == null ? Tls.DISABLED : ssl;
    }

    /**
     * @param mode               the JDBC driver's sslMode names, for both connectors
     * @param trustStore         a JKS or PKCS12 file with the server's CA, for {@code VERIFY_CA} and
     *                           {@code VERIFY_IDENTITY}; absent, the JVM's default trust store
     * @param trustStorePassword its password
     */
    public record Tls(@NotNull SslMode mode, String trustStore, String trustStorePassword) {

        static final Tls DISABLED = new Tls(SslMode.DISABLED, null, null);

        public Tls {
            mode = mode == null ? SslMode.DISABLED : mode;
        }

        boolean hasTrustStore() {
            return trustStore != null && !trustStore.isBlank();
        }

        @AssertTrue(message = "a trust store is only read when the mode verifies the server "
                + "(VERIFY_CA, VERIFY_IDENTITY)")
        boolean isTrustStoreUsed() {
            return !hasTrustStore() || mode == SslMode.VERIFY_CA || mode == SslMode.VERIFY_IDENTITY;
        }
    }

    public enum SslMode { DISABLED, PREFERRED, REQUIRED, VERIFY_CA, VERIFY_IDENTITY }

    /** A JDBC URL (MySQL Connector/J, which speaks to MariaDB too) with this server's TLS settings. */
    public String jdbcUrl(String database, String parameters) {
        StringBuilder url = new StringBuilder("jdbc:mysql://").append(host).append(':').append(port).append('/')
                .append(database == null ? "" : database).append("?sslMode=").append(ssl.mode().name());
        if (ssl.hasTrustStore()) {
            url.append("&trustCertificateKeyStoreUrl=")
                    .append(encode(Path.of(ssl.trustStore()).toAbsolutePath().toUri().toString()));
            if (ssl.trustStorePassword() != null) {
                url.append("&trustCertificateKeyStorePassword=").append(encode(ssl.trustStorePassword()));
            }
        }
        if (parameters != null && !parameters.isBlank()) {
            url.append('&').append(parameters);
        }
        return url.toString();
    }

    /** The connection and TLS properties of a Debezium connector reading this server. */
    void debezium(Properties p, CdcProperties.Connector connector) {
        p.setProperty("database.hostname", host);
        p.setProperty("database.port", Integer.toString(port));
        p.setProperty("database.user", user);
        p.setProperty("database.password", password);
        p.setProperty("database.ssl.mode", switch (connector) {
            case MYSQL -> ssl.mode().name().toLowerCase(Locale.ROOT);
            case MARIADB -> mariaDbSslMode(ssl.mode());
        });
        if (ssl.hasTrustStore()) {
            p.setProperty("database.ssl.truststore", Path.of(ssl.trustStore()).toAbsolutePath().toString());
            if (ssl.trustStorePassword() != null) {
                p.setProperty("database.ssl.truststore.password", ssl.trustStorePassword());
            }
        }
    }

    /**
     * Debezium's MariaDB connector names its modes after MariaDB Connector/J and has no "preferred": encrypting
     * without verifying ({@code trust}) is the nearest, and it fails loudly against a server without TLS rather
     * than falling back to plain text.
     */
    private static String mariaDbSslMode(SslMode mode) {
        return switch (mode) {
            case DISABLED -> "disable";
            case PREFERRED, REQUIRED -> "trust";
            case VERIFY_CA -> "verify-ca";
            case VERIFY_IDENTITY -> "verify-full";
        };
    }

    /** Where it is, for messages: never the password. */
    public String describe() {
        return user + "@" + host + ":" + port + " (TLS " + ssl.mode() + ")";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
