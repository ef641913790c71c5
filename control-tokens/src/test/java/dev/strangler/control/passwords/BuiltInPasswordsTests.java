package dev.strangler.control.passwords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class BuiltInPasswordsTests {

    private static final String EXTERNAL = "jdbc:mysql://db.example.internal:3306/member_db?sslMode=REQUIRED";

    @Test
    void readsTheServerOfAJdbcUrl() {
        assertThat(BuiltInPasswords.server(EXTERNAL)).isEqualTo("db.example.internal:3306");
        assertThat(BuiltInPasswords.server("jdbc:mysql://user@[::1]:3307,localhost/x")).isEqualTo("[::1]:3307,localhost");
        assertThat(BuiltInPasswords.isLoopback("[::1]:3307,localhost")).isTrue();
        assertThat(BuiltInPasswords.isLoopback("127.0.0.1:3307,db:3306")).isFalse();
        assertThat(BuiltInPasswords.isLoopback("localhost.example.com")).isFalse();
    }

    @Test
    void findsAPasswordAtItsPlaceholdersDefaultOnAServerGivenAsAHost() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("application.yml",
                Map.of("kit.cdc.source.password", "${CDC_DB_PASSWORD:cdc_pw}")));
        BuiltInPasswords passwords = new BuiltInPasswords(environment);

        assertThat(passwords.onServer("kit.cdc.source.password", "mysql.example.internal"))
                .contains(new BuiltInPasswords.BuiltInPassword("kit.cdc.source.password", "CDC_DB_PASSWORD",
                        "mysql.example.internal"));
        assertThat(passwords.onServer("kit.cdc.source.password", "127.0.0.1")).isEmpty();
        assertThat(passwords.onJdbcUrl("kit.cdc.source.password", EXTERNAL)).isPresent();
    }
}
