package ai.mindbot.agent.mindbot.services;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The agent's short-lived {@code agent} token, exchanged for {@code AGENT_API_KEY} at
 * {@code POST /auth/service-token} and shared by every room of this worker. It is renewed a minute
 * before it expires (or at half its life if that is shorter), so a heartbeat never carries a token
 * about to lapse; a 401 anyway (the auth service's secret rotated) drops it with {@link #invalidate}.
 * Concurrent callers share one exchange in flight. The key itself is never logged.
 */
public final class AgentCredential {

    private final JsonHttp http;
    private final URI exchangeUri;
    private final String apiKey;
    private final LongSupplier nanoClock;

    private CompletableFuture<String> current;
    private long renewAtNanos;

    public AgentCredential(JsonHttp http, URI authServiceUrl, String apiKey, LongSupplier nanoClock) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("AGENT_API_KEY is empty");
        }
        this.http = http;
        this.exchangeUri = Endpoints.under(authServiceUrl, "/auth/service-token");
        this.apiKey = apiKey;
        this.nanoClock = nanoClock;
    }

    /** A valid token: the cached one, or a fresh exchange. */
    public synchronized CompletableFuture<String> token() {
        long now = nanoClock.getAsLong();
        boolean usable =
                current != null && !current.isCompletedExceptionally() && (!current.isDone() || now - renewAtNanos < 0);
        if (usable) {
            return current;
        }
        ObjectNode body = Json.object().put("api_key", apiKey);
        CompletableFuture<String> exchange = http.post(exchangeUri, null, body).thenApply(answer -> {
            accept(answer, now);
            return answer.path("access_token").asString();
        });
        current = exchange;
        return exchange;
    }

    /** The token was refused: the next {@link #token()} exchanges the key again. */
    public synchronized void invalidate(String token) {
        if (current != null
                && current.isDone()
                && !current.isCompletedExceptionally()
                && current.join().equals(token)) {
            current = null;
        }
    }

    private synchronized void accept(JsonNode answer, long requestedAtNanos) {
        long lifeSeconds = Math.max(1, answer.path("expires_in").asLong(600));
        long earlySeconds = Math.min(60, lifeSeconds / 2);
        renewAtNanos = requestedAtNanos + (lifeSeconds - earlySeconds) * 1_000_000_000L;
    }
}
