package dev.strangler.cdc.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DefaultPasswordCheckTests {

    @Test
    void refusesTheDefaultPasswordsOnAServerTheKitDidNotStartNamingTheVariables() {
        DefaultPasswordCheck check = check(Map.of("KIT_DB_HOST", "mysql.example.internal"));

        assertThatThrownBy(() -> check.postProcessBeanFactory(new DefaultListableBeanFactory()))
                .isInstanceOfSatisfying(CdcStartupException.class, failure -> {
                    FailureAnalysis analysis = new CdcStartupFailureAnalyzer().analyze(failure);
                    assertThat(analysis.getDescription()).isEqualTo("kit.cdc.source.password (CDC_DB_PASSWORD, for"
                            + " mysql.example.internal) and spring.datasource.password (LEGACY_DB_PASSWORD, for"
                            + " mysql.example.internal:3307) are still the kit's built-in default on a database server the"
                            + " kit did not start, and anyone who has read the kit knows it.");
                    assertThat(analysis.getAction()).startsWith(
                            "Set CDC_DB_PASSWORD, LEGACY_DB_PASSWORD to the password of the account on that server");
                });
    }

    @Test
    void acceptsPasswordsSetByTheDeploymentAndTheDefaultsOnTheEmbeddedServer() {
        assertThatNoException().isThrownBy(() -> check(Map.of("KIT_DB_HOST", "mysql.example.internal",
                "CDC_DB_PASSWORD", "s3cret", "LEGACY_DB_PASSWORD", "an0ther")).postProcessBeanFactory(null));
        assertThatNoException().isThrownBy(() -> check(Map.of()).postProcessBeanFactory(null));
    }

    /** The bridge's application.yml placeholders, below the environment variables the deployment sets. */
    private static DefaultPasswordCheck check(Map<String, Object> variables) {
        Map<String, Object> yml = new LinkedHashMap<>();
        yml.put("kit.cdc.source.host", "${KIT_DB_HOST:127.0.0.1}");
        yml.put("kit.cdc.source.password", "${CDC_DB_PASSWORD:cdc_pw}");
        yml.put("spring.datasource.url", "jdbc:mysql://${KIT_DB_HOST:127.0.0.1}:${KIT_DB_PORT:3307}/legacy_db?x=y");
        yml.put("spring.datasource.password", "${LEGACY_DB_PASSWORD:legacy_pw}");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        environment.getPropertySources().addLast(new MapPropertySource("application.yml", yml));
        DefaultPasswordCheck check = new DefaultPasswordCheck();
        check.setEnvironment(environment);
        return check;
    }
}
