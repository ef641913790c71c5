package dev.strangler.proxy.instances;

import java.net.URI;
import java.util.List;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Mono;

/**
 * The instances Spring Cloud LoadBalancer supplies for one service id, as URLs: from the discovery client, through
 * the LoadBalancer's configuration for that service (its cache by default; its health checks with
 * {@code spring.cloud.loadbalancer.configurations=health-check}). The proxy chooses among them itself, because a retry
 * must skip the instance that just failed, which a {@code ReactorLoadBalancer} cannot be told.
 */
final class DiscoveredInstances {

    private final ServiceInstanceListSupplier supplier;
    private volatile Converted last = new Converted(List.of(), List.of());

    private record Converted(List<ServiceInstance> instances, List<URI> uris) {
    }

    DiscoveredInstances(ServiceInstanceListSupplier supplier) {
        this.supplier = supplier;
    }

    Mono<List<URI>> current() {
        return Mono.defer(() -> supplier.get().next()).map(this::uris);
    }

    /** The supplier hands out the same cached list until it changes: convert each list once. */
    private List<URI> uris(List<ServiceInstance> instances) {
        Converted converted = last;
        if (converted.instances() != instances) {
            converted = new Converted(instances, instances.stream().map(ServiceInstance::getUri).toList());
            last = converted;
        }
        return converted.uris();
    }
}
