package dev.strangler.orderservice.stock;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.net.http.HttpClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.client.RestClient;

/** The monolith's stock API client: timeouts from configuration, one circuit breaker for all its calls. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StockProperties.class)
@EnableScheduling
class StockClientConfiguration {

    @Bean
    MonolithStockClient monolithStockClient(StockProperties properties) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout()).build());
        requests.setReadTimeout(properties.readTimeout());
        RestClient http = RestClient.builder().baseUrl(properties.legacyUrl().toString()).requestFactory(requests).build();
        StockProperties.CircuitBreaker settings = properties.circuitBreaker();
        CircuitBreaker breaker = CircuitBreaker.of("legacy-stock", CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .waitDurationInOpenState(settings.openFor())
                // Refusals (unknown product, too little stock) are answers, not failures of the monolith.
                .recordException(e -> e instanceof StockUnavailableException
                        || e instanceof org.springframework.web.client.RestClientException)
                .build());
        return new MonolithStockClient(http, breaker);
    }
}
