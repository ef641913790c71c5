package dev.strangler.proxy.instances;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

import dev.strangler.proxy.route.ProxyProperties;
import dev.strangler.proxy.route.RouteTable;
import dev.strangler.proxy.route.SideTarget;
import dev.strangler.proxy.web.SafeMethods;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Sends a request to a route side: to its one URL as it is, or to one of its instances with retries. A request whose
 * instance refused the connection goes to the next instance, a write too (nothing was sent); a safe request also
 * after any other connection failure before the answer's headers; a write that may have reached its instance is never
 * sent again. Every instance is tried at most once per request. The pools are made once, at start-up, for every
 * side of the route table with several instances; a {@code lb://} service without an instance list fails start-up.
 */
@Component
public class InstancePools implements SmartInitializingSingleton {

    private final List<SideTarget> pooled;
    private final Duration refusedFor;
    private final ObjectProvider<LoadBalancerClientFactory> loadBalancers;
    private volatile Map<SideTarget, InstancePool> pools = Map.of();

    InstancePools(RouteTable table, ProxyProperties properties, ObjectProvider<LoadBalancerClientFactory> loadBalancers) {
        this.pooled = table.all().stream()
                .flatMap(route -> Stream.of(route.legacyUri(), route.extractedUri()))
                .filter(Objects::nonNull).filter(SideTarget::pooled).distinct().toList();
        this.refusedFor = properties.instances().refusedFor();
        this.loadBalancers = loadBalancers;
    }

    /** After every bean exists and before the ports open: a LoadBalancer child context per discovered service. */
    @Override
    public void afterSingletonsInstantiated() {
        Map<SideTarget, InstancePool> made = new HashMap<>();
        for (SideTarget target : pooled) {
            Mono<List<URI>> instances = target.serviceId() == null ? Mono.just(target.instances())
                    : new DiscoveredInstances(supplier(target.serviceId())).current();
            made.put(target, new InstancePool(target.toString(), instances, refusedFor, System::nanoTime));
        }
        pools = Map.copyOf(made);
    }

    private ServiceInstanceListSupplier supplier(String serviceId) {
        ServiceInstanceListSupplier supplier = loadBalancers.getObject()
                .getInstance(serviceId, ServiceInstanceListSupplier.class);
        if (supplier == null) {
            throw new IllegalStateException("strangler.proxy.routes: lb://" + serviceId + " has no instance list: "
                    + "Spring Cloud LoadBalancer found no discovery client for it (or a 'configurations' setting it "
                    + "cannot build, e.g. health-check without a WebClient)");
        }
        return supplier;
    }

    /** The instance a request to the side goes to, with retries on the others as the class says. */
    public Mono<Void> send(SideTarget target, ServerWebExchange exchange, GatewayFilterChain chain, URI requestUrl) {
        if (!target.pooled()) {
            exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, onto(requestUrl, target.uri()));
            return chain.filter(exchange);
        }
        InstancePool pool = pools.get(target);
        boolean safe = SafeMethods.isSafe(exchange.getRequest().getMethod());
        return pool.instances().defaultIfEmpty(List.of()).flatMap(instances -> attempt(pool, instances,
                new ArrayList<>(2), exchange, chain, requestUrl, safe, null));
    }

    /** One instance of the side for a request that is not retried (a mirrored one). */
    public Mono<URI> pick(SideTarget target) {
        if (!target.pooled()) {
            return Mono.just(target.uri());
        }
        InstancePool pool = pools.get(target);
        return pool.instances().mapNotNull(instances -> pool.choose(instances, List.of()))
                .switchIfEmpty(Mono.error(InstancesUnavailableException::noInstance));
    }

    private Mono<Void> attempt(InstancePool pool, List<URI> instances, List<URI> tried, ServerWebExchange exchange,
            GatewayFilterChain chain, URI requestUrl, boolean safe, Throwable last) {
        URI instance = pool.choose(instances, tried);
        if (instance == null) {
            return Mono.error(tried.isEmpty() ? InstancesUnavailableException.noInstance()
                    : InstancesUnavailableException.noneAnswered(tried.size(), last));
        }
        tried.add(instance);
        exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, onto(requestUrl, instance));
        return chain.filter(exchange).onErrorResume(error -> {
            boolean neverSent = InstanceFailures.neverSent(error);
            if (neverSent) {
                pool.refused(instance);
            }
            if (exchange.getResponse().isCommitted() || !InstanceFailures.connectionFailed(error)) {
                return Mono.error(error);
            }
            if (!neverSent && !safe) {
                return Mono.error(InstancesUnavailableException.notRetried(error));
            }
            ServerWebExchangeUtils.reset(exchange); // the failed attempt's connection, headers and routed mark
            exchange.getResponse().setStatusCode(null);
            return attempt(pool, instances, tried, exchange, chain, requestUrl, safe, error);
        });
    }

    /** The request's URL on another host: only scheme, host and port of a side's URL count. */
    private static URI onto(URI url, URI base) {
        return UriComponentsBuilder.fromUri(url).scheme(base.getScheme()).host(base.getHost())
                .port(base.getPort()).build(true).toUri();
    }
}
