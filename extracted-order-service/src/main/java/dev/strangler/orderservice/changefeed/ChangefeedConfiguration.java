package dev.strangler.orderservice.changefeed;

import dev.strangler.service.changefeed.ChangefeedConsumerConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The shared change-feed consumer wiring (service-support), fed with this service's topics. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChangefeedProperties.class)
@Import(ChangefeedConsumerConfiguration.class)
class ChangefeedConfiguration {
}
