package ai.mindbot.agent.mindbot.services;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * JSON over HTTP with the one error rule every MindBot client shares: 2xx is the answer, 4xx is a
 * {@link ServiceRefusedException} (a problem+json the caller can act on), and 5xx, a dropped
 * connection or a timeout is a {@link ServiceUnavailableException} (worth trying again later).
 */
public final class JsonHttp {

    private final HttpClient http;
    private final Duration timeout;

    public JsonHttp(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    public static JsonHttp withDefaults() {
        return new JsonHttp(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build(), Duration.ofSeconds(5));
    }

    public CompletableFuture<JsonNode> get(URI uri, String bearer) {
        return send(request(uri, bearer).GET().build());
    }

    public CompletableFuture<JsonNode> post(URI uri, String bearer, JsonNode body) {
        return send(request(uri, bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : Json.write(body)))
                .build());
    }

    private HttpRequest.Builder request(URI uri, String bearer) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        return bearer == null ? builder : builder.header("Authorization", "Bearer " + bearer);
    }

    private CompletableFuture<JsonNode> send(HttpRequest request) {
        String what = request.method() + " " + request.uri().getPath();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            if (error != null) {
                Throwable cause =
                        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                throw new ServiceUnavailableException(what + ": " + cause, cause);
            }
            return answer(what, response);
        });
    }

    private static JsonNode answer(String what, HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode body;
        try {
            body = Json.parse(response.body());
        } catch (JacksonException notJson) {
            if (status >= 500 || status < 400) {
                throw new ServiceUnavailableException(what + ": " + status + " without a JSON body");
            }
            body = Json.object();
        }
        if (status >= 200 && status < 300) {
            return body;
        }
        if (status >= 400 && status < 500) {
            throw new ServiceRefusedException(status, body.path("code").asString("http_" + status), body);
        }
        throw new ServiceUnavailableException(
                what + ": " + status + " " + body.path("code").asString(""));
    }
}
