package dev.strangler.playbook.remote;

import dev.strangler.playbook.KitException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON over HTTP to one of the kit's parts, with its admin token; a failure names the part and what it said. */
public final class JsonHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final String part;
    private final String baseUrl;
    private final String token;

    public JsonHttp(String part, String baseUrl, String token) {
        this.part = part;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
    }

    public JsonNode get(String path) {
        return send(request(path).GET());
    }

    public JsonNode post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public JsonNode put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = CLIENT.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                JsonNode problem = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
                throw new Refused(response.statusCode(), part + " refused " + built.method() + " "
                        + built.uri().getPath() + " (" + response.statusCode() + "): "
                        + problem.path("detail").asString(response.body()));
            }
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new KitException(KitException.CHECK_FAILED, "cannot reach " + part + " at " + baseUrl + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KitException(KitException.CHECK_FAILED, "interrupted while calling " + part);
        }
    }

    /** A part answered with an error status: the status, for a caller that treats one of them as "not yet". */
    public static final class Refused extends KitException {

        private final int status;

        Refused(int status, String message) {
            super(KitException.CHECK_FAILED, message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
