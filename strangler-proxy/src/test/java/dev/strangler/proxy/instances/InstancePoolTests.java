package dev.strangler.proxy.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Which instance a request tries next: round robin, never twice, a refusing one only when nothing else is left. */
class InstancePoolTests {

    private static final URI A = URI.create("http://10.0.0.1:8082");
    private static final URI B = URI.create("http://10.0.0.2:8082");
    private static final URI C = URI.create("http://10.0.0.3:8082");
    private static final List<URI> ALL = List.of(A, B, C);

    private final AtomicLong clock = new AtomicLong();
    private final InstancePool pool = new InstancePool("test", Mono.just(ALL), Duration.ofSeconds(10), clock::get);

    @Test
    void requestsTakeTheInstancesInTurn() {
        List<URI> chosen = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            chosen.add(pool.choose(ALL, List.of()));
        }

        assertThat(chosen).containsExactly(A, B, C, A, B, C);
    }

    @Test
    void aRequestTriesEveryInstanceOnceThenNone() {
        List<URI> tried = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tried.add(pool.choose(ALL, tried));
        }

        assertThat(tried).containsExactlyInAnyOrder(A, B, C);
        assertThat(pool.choose(ALL, tried)).isNull();
        assertThat(pool.choose(List.of(), List.of())).isNull();
    }

    @Test
    void aRefusingInstanceIsPassedOverUntilItsTimeIsUp() {
        pool.refused(B);

        for (int i = 0; i < 6; i++) {
            assertThat(pool.choose(ALL, List.of())).isNotEqualTo(B);
        }
        clock.addAndGet(Duration.ofSeconds(10).toNanos());

        List<URI> chosen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            chosen.add(pool.choose(ALL, List.of()));
        }
        assertThat(chosen).contains(B);
    }

    @Test
    void aRefusingInstanceIsStillTriedWhenNothingElseIsLeft() {
        pool.refused(A);
        pool.refused(C);

        assertThat(pool.choose(ALL, List.of(B))).isIn(A, C);
        assertThat(pool.choose(ALL, List.of(A, B))).isEqualTo(C);
    }
}
