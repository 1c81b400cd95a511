package ai.mindbot.agent.mindbot.services;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link TimeService} over HTTP with the agent's service token. A 401 means the token went stale
 * (the auth service restarted with a new secret, say): the token is dropped and the call made once
 * more with a fresh one.
 */
public final class HttpTimeService implements TimeService {

    private final JsonHttp http;
    private final URI base;
    private final AgentCredential credential;

    public HttpTimeService(JsonHttp http, URI timeServiceUrl, AgentCredential credential) {
        this.http = http;
        this.base = timeServiceUrl;
        this.credential = credential;
    }

    @Override
    public CompletableFuture<SessionStarted> start(SessionRequest request) {
        ObjectNode body = Json.object().put("room_name", request.roomName()).put("user_id", request.userId());
        if (request.participantIdentity() != null) {
            body.put("participant_identity", request.participantIdentity());
        }
        if (request.email() != null && !request.email().isBlank()) {
            body.put("email", request.email());
        }
        return authorized(token -> http.post(Endpoints.under(base, "/time/sessions"), token, body))
                .thenApply(answer -> new SessionStarted(
                        answer.path("session_id").asString(),
                        answer.path("granted_seconds").asLong(),
                        answer.path("balance_seconds").asLong()));
    }

    @Override
    public CompletableFuture<HeartbeatAnswer> heartbeat(String sessionId) {
        return authorized(token -> http.post(session(sessionId, "/heartbeat"), token, null))
                .thenApply(answer -> new HeartbeatAnswer(
                        answer.path("granted_seconds").asLong(),
                        answer.path("remaining_seconds").asLong(),
                        answer.path("low_balance").asBoolean(),
                        answer.path("final_slice").asBoolean(),
                        !"active".equals(answer.path("status").asString("active"))));
    }

    @Override
    public CompletableFuture<SessionEnded> end(String sessionId) {
        return authorized(token -> http.post(session(sessionId, "/end"), token, null))
                .thenApply(answer -> new SessionEnded(
                        answer.path("session_id").asString(sessionId),
                        answer.path("billed_seconds").asLong(),
                        answer.path("balance_seconds").asLong()));
    }

    @Override
    public CompletableFuture<List<TimePackage>> pricing() {
        return http.get(Endpoints.under(base, "/time/pricing"), null).thenApply(answer -> {
            List<TimePackage> packages = new ArrayList<>();
            for (JsonNode p : answer.path("packages")) {
                packages.add(new TimePackage(
                        p.path("id").asString(),
                        p.path("name").asString(),
                        p.path("seconds").asLong(),
                        p.path("price_cents").asLong(),
                        p.path("currency").asString("usd"),
                        p.path("description").asString("")));
            }
            return List.copyOf(packages);
        });
    }

    private URI session(String sessionId, String action) {
        return Endpoints.under(base, "/time/sessions/" + URLEncoder.encode(sessionId, StandardCharsets.UTF_8) + action);
    }

    private CompletableFuture<JsonNode> authorized(Function<String, CompletableFuture<JsonNode>> call) {
        return credential
                .token()
                .thenCompose(token -> call.apply(token)
                        .handle((answer, error) -> {
                            if (error == null) {
                                return CompletableFuture.completedFuture(answer);
                            }
                            Throwable cause = error instanceof CompletionException && error.getCause() != null
                                    ? error.getCause()
                                    : error;
                            if (cause instanceof ServiceRefusedException refused && refused.status() == 401) {
                                credential.invalidate(token);
                                return credential.token().thenCompose(call);
                            }
                            return CompletableFuture.<JsonNode>failedFuture(cause);
                        })
                        .thenCompose(Function.identity()));
    }
}
