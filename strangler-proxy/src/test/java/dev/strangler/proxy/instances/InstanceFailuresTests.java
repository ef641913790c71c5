package dev.strangler.proxy.instances;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import reactor.netty.channel.AbortedException;

/** Which failures prove a request never left, and which may have come after an instance read it. */
class InstanceFailuresTests {

    @Test
    void noConnectionMeansNothingWasSent() {
        for (Throwable error : new Throwable[] {new ConnectException("Connection refused"),
                new ConnectTimeoutException("connection timed out"), new UnknownHostException("member-service"),
                new IllegalStateException("wrapped", new ConnectException("Connection refused"))}) {
            assertThat(InstanceFailures.neverSent(error)).as(error.toString()).isTrue();
            assertThat(InstanceFailures.connectionFailed(error)).as(error.toString()).isTrue();
        }
    }

    @Test
    void aConnectionLostOnceMadeMayHaveCarriedTheRequest() {
        for (Throwable error : new Throwable[] {new IOException("Connection reset by peer"),
                new AbortedException("Connection has been closed BEFORE send operation")}) {
            assertThat(InstanceFailures.neverSent(error)).as(error.toString()).isFalse();
            assertThat(InstanceFailures.connectionFailed(error)).as(error.toString()).isTrue();
        }
    }

    @Test
    void aTimeoutOfTheWholeCallIsNotTheConnections() {
        TimeoutException timeout = new TimeoutException("Did not observe any item within 2000ms");

        assertThat(InstanceFailures.neverSent(timeout)).isFalse();
        assertThat(InstanceFailures.connectionFailed(timeout)).isFalse();
    }
}
