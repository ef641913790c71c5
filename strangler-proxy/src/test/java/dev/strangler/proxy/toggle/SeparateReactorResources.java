package dev.strangler.proxy.toggle;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * For proxies started and stopped inside a test: their own Reactor Netty resources. With Boot's default (the
 * global ones), closing one proxy would shut down the event loops of every other server in the test JVM.
 */
@Configuration(proxyBeanMethods = false)
class SeparateReactorResources {

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        return factory;
    }
}
