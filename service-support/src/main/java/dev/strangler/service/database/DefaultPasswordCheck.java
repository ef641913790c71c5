package dev.strangler.service.database;

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
        List<BuiltInPasswords.BuiltInPassword> found = new BuiltInPasswords(environment).ofTheServiceAccounts();
        if (!found.isEmpty()) {
            throw new DefaultPasswordException(found);
        }
    }
}
