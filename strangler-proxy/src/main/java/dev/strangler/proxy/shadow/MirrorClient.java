package dev.strangler.proxy.shadow;

import dev.strangler.proxy.route.ProxyProperties;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpMethod;
import java.net.URI;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Sends mirrored requests (to the extracted service, and for noise sampling to the monolith once more) on its own
 * connection pool and its own event loop, so mirrors never take connections from client traffic nor queue client
 * requests behind their I/O and comparisons: the answers arrive on the {@code shadow-mirror} threads, and
 * {@link MirrorComparison} parses and compares them there, not on the event loops that serve clients.
 */
@Component
class MirrorClient implements DisposableBean {

    static final String SHADOW_HEADER = "X-Strangler-Shadow";
    private static final byte[] EMPTY = new byte[0];

    private final ConnectionProvider connections;
    private final LoopResources loop;
    private final HttpClient http;

    MirrorClient(ProxyProperties properties) {
        this.connections = ConnectionProvider.builder("shadow-mirror")
                .maxConnections(properties.shadow().concurrency() * 2)
                .pendingAcquireMaxCount(properties.shadow().queueCapacity())
                .build();
        // As many threads as cores, apart from the serving loops: one thread alone fell behind at 1,000 mirrors/s
        // on two cores and dropped some (bench/RESULTS.md).
        this.loop = LoopResources.create("shadow-mirror", Runtime.getRuntime().availableProcessors(), true);
        this.http = HttpClient.create(connections).runOn(loop);
    }

    Mono<CapturedResponse> send(URI base, MirrorJob job, Duration timeout) {
        String url = base.toString().replaceAll("/+$", "") + job.pathAndQuery();
        return http.responseTimeout(timeout)
                .headers(headers -> {
                    job.headers().forEach(headers::add);
                    headers.set(SHADOW_HEADER, "true");
                    if (job.body().length > 0) {
                        headers.set(HttpHeaders.CONTENT_LENGTH, job.body().length);
                    }
                })
                .request(HttpMethod.valueOf(job.method()))
                .uri(url)
                .send(job.body().length == 0 ? Mono.empty() : Mono.just(Unpooled.wrappedBuffer(job.body())))
                .responseSingle((response, content) -> content.asByteArray().defaultIfEmpty(EMPTY)
                        .map(bytes -> {
                            HttpHeaders headers = new HttpHeaders();
                            response.responseHeaders().forEach(e -> headers.add(e.getKey(), e.getValue()));
                            return new CapturedResponse(response.status().code(), headers, bytes);
                        }))
                .timeout(timeout.multipliedBy(2));
    }

    /** Runs a task on the mirror's event loop, where mirrors are built and sent, not on a loop serving clients. */
    void execute(Runnable task) {
        loop.onClient(true).next().execute(task);
    }

    @Override
    public void destroy() {
        connections.disposeLater().block(Duration.ofSeconds(5));
        loop.disposeLater().block(Duration.ofSeconds(5));
    }
}
