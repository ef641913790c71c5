package dev.strangler.playbook.compare.http;

import dev.strangler.playbook.KitException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A side's base URL from the command line: checked for shape, then for an answer, before any scenario runs (and by
 * {@code kit playbook validate}, for the proxy's traffic port).
 */
public final class BaseUrl {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private BaseUrl() {
    }

    static URI parse(String option, String text) {
        try {
            URI uri = new URI(text);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (http && uri.getHost() != null && uri.getQuery() == null && uri.getFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, with the option's name
        }
        throw KitException.configuration(option + " '" + text + "' is not a base URL such as http://127.0.0.1:8081");
    }

    /**
     * Any HTTP answer, even a 404, shows the side is there. Without this, a wrong port would only show up as every
     * step "not compared", after the other side had run the whole suite.
     */
    public static void requireReachable(String option, URI base, HttpClient client) {
        try {
            client.send(HttpRequest.newBuilder(base).timeout(PROBE_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (ConnectException e) {
            // The JDK's client gives no message here; refused and unresolvable look alike to it.
            throw KitException.configuration(option + " " + base + " does not answer: cannot connect (nothing "
                    + "listening there, or an unknown host)");
        } catch (IOException e) {
            String reason = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                    : e.getMessage();
            throw KitException.configuration(option + " " + base + " does not answer: " + reason);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KitException.configuration("interrupted while reaching " + base);
        }
    }
}
