package dev.strangler.cdc.startup;

import dev.strangler.control.passwords.BuiltInPasswords;
import dev.strangler.control.passwords.BuiltInPasswords.BuiltInPassword;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Stops start-up when the bridge would log in to a database server the kit did not start with a password that is
 * still the default of its application.yml placeholder ({@code ${CDC_DB_PASSWORD:cdc_pw}}): on the kit's embedded
 * server (loopback) the defaults are the point, anywhere else anyone who has read the kit knows them. A bean
 * factory post-processor, so nothing has connected yet. The extracted services get the same check from
 * service-support.
 */
@Component
class DefaultPasswordCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    private ConfigurableEnvironment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        BuiltInPasswords passwords = new BuiltInPasswords(environment);
        List<BuiltInPassword> found = Stream.of(
                passwords.onServer("kit.cdc.source.password", environment.getProperty("kit.cdc.source.host")),
                passwords.onServer("kit.cdc.outbox.source.password",
                        environment.getProperty("kit.cdc.outbox.source.host")),
                passwords.onJdbcUrl("spring.datasource.password", environment.getProperty("spring.datasource.url")))
                .flatMap(Optional::stream).toList();
        if (!found.isEmpty()) {
            throw new CdcStartupException(found.stream()
                    .map(password -> password.property() + " (" + password.variable() + ", for " + password.server()
                            + ")")
                    .collect(Collectors.joining(" and ")) + (found.size() == 1 ? " is" : " are")
                    + " still the kit's built-in default on a database server the kit did not start, and anyone who"
                    + " has read the kit knows it.",
                    "Set " + found.stream().map(BuiltInPassword::variable).distinct().collect(Collectors.joining(", "))
                            + " to the password of the account on that server (deploy/compose/.env.example and"
                            + " deploy/kubernetes/kit-secrets.example.yaml list them).");
        }
    }
}
