package dev.strangler.memberservice.changefeed;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** This service's topics, which the change-feed consumer wiring of the service-support starter consumes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChangefeedProperties.class)
class ChangefeedConfiguration {
}
