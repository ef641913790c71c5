package dev.strangler.service.database;

import dev.strangler.control.passwords.BuiltInPasswords;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Stops start-up when the service would log in to a database the kit did not start with a password from its
 * application.yml's defaults. A bean factory post-processor, so it runs before the data source or Flyway connects.
 */
public class DefaultPasswordCheck implements BeanFactoryPostProcessor {

    private final ConfigurableEnvironment environment;

    public DefaultPasswordCheck(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<BuiltInPasswords.BuiltInPassword> found = ofTheServiceAccounts();
        if (!found.isEmpty()) {
            throw new DefaultPasswordException(found);
        }
    }

    /**
     * The service's accounts: Spring's data source and, when it has one of its own, Flyway's (on Flyway's URL or,
     * without one, the data source's).
     */
    List<BuiltInPasswords.BuiltInPassword> ofTheServiceAccounts() {
        BuiltInPasswords passwords = new BuiltInPasswords(environment);
        String url = environment.getProperty("spring.datasource.url");
        List<BuiltInPasswords.BuiltInPassword> found = new ArrayList<>();
        passwords.onJdbcUrl("spring.datasource.password", url).ifPresent(found::add);
        String flywayUrl = environment.getProperty("spring.flyway.url", url == null ? "" : url);
        passwords.onJdbcUrl("spring.flyway.password", flywayUrl).ifPresent(found::add);
        return found;
    }
}
