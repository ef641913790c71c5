package dev.strangler.proxy.admin;

import dev.strangler.control.ControlTokenProperties;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The admin API lives in the management server's child context (registered in
 * {@code META-INF/spring/...ManagementContextConfiguration.imports}, and kept out of the application's component
 * scan), so its controllers and token filter exist only on the admin port: they cannot be reached on the traffic
 * port by any route, and if the management port were ever the traffic port they would not exist at all.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@EnableConfigurationProperties(ControlTokenProperties.class)
@Import({BearerTokenWebFilter.class, AdminRoutesController.class, AdminIdentityController.class,
        AdminProblemHandler.class, RouteViews.class})
class AdminApiConfiguration {
}
