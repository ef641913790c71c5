package dev.strangler.playbook.console.login;

import dev.strangler.playbook.console.ConsoleSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the proxy's admin API who a token is ({@code GET /admin/whoami}). The console keeps no list of tokens: a
 * token rotated or revoked at the proxy stops working in the console at the next page.
 */
@Component
public class TokenCheck {

    /** The proxy could not be asked: the token is neither accepted nor refused. */
    public static class ProxyUnreachableException extends RuntimeException {
        ProxyUnreachableException(String message) {
            super(message);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String adminUrl;

    TokenCheck(ConsoleSettings settings) {
        this.adminUrl = settings.proxyAdmin();
    }

    /** The user the token stands for, or empty when the proxy does not accept it. */
    public Optional<ConsoleUser> identify(String token) {
        if (token == null || token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            return Optional.empty();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(adminUrl + "/admin/whoami"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new ProxyUnreachableException("the proxy's admin API answered " + response.statusCode()
                        + " to /admin/whoami");
            }
            JsonNode identity = JSON.readTree(response.body());
            return Optional.of(new ConsoleUser(identity.path("name").asString(), identity.path("role").asString(),
                    token));
        } catch (IOException e) {
            throw new ProxyUnreachableException("cannot reach the proxy's admin API at " + adminUrl + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProxyUnreachableException("interrupted");
        }
    }
}
