package dev.strangler.proxy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The strangler proxy. {@code @SpringBootApplication}, spelled out, to keep the admin package out of the component
 * scan: the admin API belongs to the management server's child context only (see
 * {@code dev.strangler.proxy.admin.AdminApiConfiguration}), never to the traffic port's context.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ConfigurationPropertiesScan
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "dev\\.strangler\\.proxy\\.admin\\..*")})
public class StranglerProxyApplication {

    public static void main(String[] args) {
        SpringApplication.run(StranglerProxyApplication.class, args);
    }
}
