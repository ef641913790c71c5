package dev.strangler.service.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.control.passwords.BuiltInPasswords.BuiltInPassword;
import dev.strangler.service.autoconfigure.ExtractedServiceAutoConfiguration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DefaultPasswordCheckTests {

    private static final String EXTERNAL = "jdbc:mysql://db.example.internal:3306/member_db?sslMode=REQUIRED";

    @Test
    void aServiceOnAServerTheKitDidNotStartRefusesToStartWithItsDefaultPasswords() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ExtractedServiceAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + EXTERNAL,
                        "spring.datasource.password=${MEMBER_DB_PASSWORD:member_pw}",
                        "spring.flyway.password=${MEMBER_DB_MIGRATION_PASSWORD:member_migrator_pw}")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).isInstanceOf(DefaultPasswordException.class);
                    FailureAnalysis analysis = new DefaultPasswordFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).isEqualTo("The database server db.example.internal:3306 is"
                            + " not the kit's embedded one, but spring.datasource.password (MEMBER_DB_PASSWORD) and"
                            + " spring.flyway.password (MEMBER_DB_MIGRATION_PASSWORD) are still the kit's built-in"
                            + " default, which anyone who has read the kit knows.");
                    assertThat(analysis.getAction()).startsWith(
                            "Set MEMBER_DB_PASSWORD, MEMBER_DB_MIGRATION_PASSWORD to the password of the account");
                });
    }

    @Test
    void namesOnlyThePasswordStillAtItsDefault() {
        StandardEnvironment environment = environment(EXTERNAL, Map.of("MEMBER_DB_PASSWORD", "s3cret"));

        assertThat(new DefaultPasswordCheck(environment).ofTheServiceAccounts())
                .extracting(BuiltInPassword::variable).containsExactly("MEMBER_DB_MIGRATION_PASSWORD");
    }

    @Test
    void acceptsTheDefaultsOnTheEmbeddedServer() {
        StandardEnvironment environment = environment("jdbc:mysql://127.0.0.1:3307/member_db", Map.of());

        assertThat(new DefaultPasswordCheck(environment).ofTheServiceAccounts()).isEmpty();
    }

    @Test
    void acceptsAPasswordSetOutrightAboveTheApplicationYml() {
        StandardEnvironment environment = environment(EXTERNAL, Map.of());
        environment.getPropertySources().addFirst(new MapPropertySource("deployment", Map.of(
                "spring.datasource.password", "from-a-secret", "spring.flyway.password", "another")));

        assertThat(new DefaultPasswordCheck(environment).ofTheServiceAccounts()).isEmpty();
    }

    /** The application.yml's placeholders, then the environment variables the deployment sets (which win). */
    private static StandardEnvironment environment(String url, Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        Map<String, Object> yml = new LinkedHashMap<>();
        yml.put("spring.datasource.url", url);
        yml.put("spring.datasource.password", "${MEMBER_DB_PASSWORD:member_pw}");
        yml.put("spring.flyway.password", "${MEMBER_DB_MIGRATION_PASSWORD:member_migrator_pw}");
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        environment.getPropertySources().addLast(new MapPropertySource("application.yml", yml));
        return environment;
    }
}
