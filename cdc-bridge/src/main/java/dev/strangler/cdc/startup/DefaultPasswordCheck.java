package dev.strangler.cdc.startup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
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

    /** A whole value that is one placeholder with a default: the variable, then the default. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+):([^}]*)}");
    /** The host of a JDBC URL ({@code jdbc:mysql://host:port/db}). */
    private static final Pattern JDBC_HOST = Pattern.compile("jdbc:[a-z]+://(?:[^@/]*@)?([^:/?,]+).*");

    private ConfigurableEnvironment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<String> settings = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        check("kit.cdc.source.password", environment.getProperty("kit.cdc.source.host"), settings, variables);
        check("kit.cdc.outbox.source.password", environment.getProperty("kit.cdc.outbox.source.host"), settings,
                variables);
        Matcher jdbc = JDBC_HOST.matcher(environment.getProperty("spring.datasource.url", ""));
        check("spring.datasource.password", jdbc.matches() ? jdbc.group(1) : null, settings, variables);
        if (!settings.isEmpty()) {
            throw new CdcStartupException(String.join(" and ", settings) + (settings.size() == 1 ? " is" : " are")
                    + " still the kit's built-in default on a database server the kit did not start, and anyone who"
                    + " has read the kit knows it.",
                    "Set " + String.join(", ", variables.stream().distinct().toList()) + " to the password of the"
                            + " account on that server (deploy/compose/.env.example and"
                            + " deploy/kubernetes/kit-secrets.example.yaml list them).");
        }
    }

    private void check(String property, String host, List<String> settings, List<String> variables) {
        if (host == null || host.isBlank() || isLoopback(host)) {
            return;
        }
        for (PropertySource<?> source : environment.getPropertySources()) {
            Object raw = ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)
                    ? null : source.getProperty(property);
            if (raw != null) {
                // The source that wins decides: a value set outright (SPRING_DATASOURCE_PASSWORD, a test's
                // property) is the deployment's own choice.
                Matcher placeholder = PLACEHOLDER.matcher(raw.toString());
                if (placeholder.matches() && placeholder.group(2).equals(environment.getProperty(property))) {
                    settings.add(property + " (" + placeholder.group(1) + ", for " + host + ")");
                    variables.add(placeholder.group(1));
                }
                return;
            }
        }
    }

    static boolean isLoopback(String host) {
        String lower = host.trim().toLowerCase(Locale.ROOT);
        return lower.equals("localhost") || lower.startsWith("127.") || lower.equals("::1") || lower.equals("[::1]");
    }
}
