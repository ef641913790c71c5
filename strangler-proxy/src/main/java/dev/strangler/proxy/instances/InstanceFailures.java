package dev.strangler.proxy.instances;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import reactor.netty.channel.AbortedException;

/**
 * What a failed attempt on one instance allows. A connection that was never established (refused, timed out while
 * connecting, a host name that does not resolve) carried no byte of the request, so even a write may go to another
 * instance. Any other failure of the connection (closed or reset while the request was out) may have come after the
 * instance read the request: only a safe request is sent again. A failure that is not the connection's (a timeout
 * of the whole call) is never retried here.
 */
final class InstanceFailures {

    private InstanceFailures() {
    }

    /** The request provably never left: no connection was made. */
    static boolean neverSent(Throwable error) {
        return causedBy(error, ConnectException.class) || causedBy(error, UnknownHostException.class);
    }

    /** The connection failed, whatever the request's fate (Reactor Netty's aborted send is not an IOException). */
    static boolean connectionFailed(Throwable error) {
        return causedBy(error, IOException.class) || causedBy(error, AbortedException.class);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
