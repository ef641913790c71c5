package dev.strangler.proxy.shadow;

import dev.strangler.proxy.consistency.ReadYourWrites;
import dev.strangler.proxy.route.ProxyProperties;
import dev.strangler.proxy.route.RouteProperties;
import dev.strangler.proxy.web.CachedBody;
import dev.strangler.proxy.web.RequestIdentityFilter;
import dev.strangler.proxy.web.ResponseCapture;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * SHADOW mode: the client gets the monolith's answer, captured on its way out; once it has been written, the
 * request goes into a bounded queue and is mirrored to the extracted service by at most {@code concurrency}
 * requests at a time. A route may mirror only a sample of its requests ({@code shadow.sample-percent}). A full
 * queue drops the mirror (counted) instead of holding the client; a mirror's failure only counts as a mirror error.
 * The loop that served the client only captures and enqueues: the mirror's headers, its request and its sending are
 * built on the mirror's own event loop ({@link MirrorClient}); on the serving loops they had been most of what
 * SHADOW added to LEGACY's work (bench/proxy/PROFILE.md).
 */
@Component
public class ShadowMirror {

    private final BlockingQueue<Served> queue;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final int concurrency;
    private final int maxBody;
    private final ParityLedger ledger;
    private final MirrorClient client;
    private final MirrorComparison comparison;
    private final ReadYourWrites readYourWrites;
    private final ObjectProvider<List<HttpHeadersFilter>> headersFiltersProvider;
    private volatile List<HttpHeadersFilter> headersFilters;

    /** A request the monolith has answered, waiting for the mirror loop to build and send its mirror. */
    private record Served(RouteProperties route, ServerWebExchange exchange, CapturedResponse legacy,
                          ReadYourWrites.EntityView view) {
    }

    ShadowMirror(ProxyProperties properties, ParityLedger ledger, MirrorClient client, MirrorComparison comparison,
            ReadYourWrites readYourWrites, ObjectProvider<List<HttpHeadersFilter>> headersFilters) {
        this.queue = new ArrayBlockingQueue<>(properties.shadow().queueCapacity());
        this.concurrency = properties.shadow().concurrency();
        this.maxBody = (int) Math.min(Integer.MAX_VALUE, properties.shadow().maxBody().toBytes());
        this.ledger = ledger;
        this.client = client;
        this.comparison = comparison;
        this.readYourWrites = readYourWrites;
        this.headersFiltersProvider = headersFilters;
    }

    public Mono<Void> shadow(RouteProperties route, ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!route.shadow().methods().contains(request.getMethod().name()) || !route.shadow().sampled()) {
            ledger.of(route.name()).skipped.increment();
            return chain.filter(exchange);
        }
        ResponseCapture capture = new ResponseCapture(exchange.getResponse(), maxBody);
        return chain.filter(exchange.mutate().response(capture).build()).doOnSuccess(done -> {
            byte[] body = capture.body();
            HttpStatusCode status = capture.getStatusCode();
            if (body == null || status == null) {
                ledger.of(route.name()).skipped.increment();
                return;
            }
            CapturedResponse legacy = new CapturedResponse(status.value(), HttpHeaders.copyOf(capture.getHeaders()),
                    body);
            // The view is taken now, when the monolith answered; the rest of the mirror is built on its own loop.
            submit(new Served(route, exchange, legacy, readYourWrites.view(route, exchange)));
        });
    }

    /** The mirror of a served request, built on the mirror loop from the exchange the client was served from. */
    private MirrorJob job(Served served) {
        ServerWebExchange exchange = served.exchange();
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = HttpHeadersFilter.filterRequest(headersFilters(), exchange);
        headers.remove(HttpHeaders.HOST);
        headers.remove(HttpHeaders.CONTENT_LENGTH);
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        String pathAndQuery = request.getURI().getRawPath()
                + (request.getURI().getRawQuery() == null ? "" : "?" + request.getURI().getRawQuery());
        return new MirrorJob(served.route(), headers.getFirst(RequestIdentityFilter.REQUEST_ID),
                request.getMethod().name(), pathAndQuery, headers, CachedBody.of(exchange), served.legacy(),
                served.view());
    }

    /** The gateway's own request header filters (hop-by-hop, X-Forwarded-*), looked up once, as it does. */
    private List<HttpHeadersFilter> headersFilters() {
        List<HttpHeadersFilter> filters = headersFilters;
        if (filters == null) {
            filters = headersFiltersProvider.getIfAvailable(List::of);
            headersFilters = filters;
        }
        return filters;
    }

    private void submit(Served served) {
        if (!queue.offer(served)) {
            ledger.of(served.route().name()).dropped.increment();
            return;
        }
        client.execute(this::drain);
    }

    private void drain() {
        while (!queue.isEmpty()) {
            int running = inFlight.get();
            if (running >= concurrency) {
                return;
            }
            if (!inFlight.compareAndSet(running, running + 1)) {
                continue;
            }
            Served served = queue.poll();
            if (served == null) {
                inFlight.decrementAndGet();
                continue;
            }
            Mono.fromSupplier(() -> job(served))
                    .flatMap(comparison::run)
                    .doOnError(error -> ledger.of(served.route().name()).mirrorErrors.increment())
                    .onErrorComplete()
                    .doFinally(signal -> {
                        inFlight.decrementAndGet();
                        drain();
                    })
                    .subscribe();
        }
    }
}
