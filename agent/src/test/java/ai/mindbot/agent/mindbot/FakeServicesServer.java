package ai.mindbot.agent.mindbot;

import ai.mindbot.agent.mindbot.services.Json;
import ai.mindbot.agent.mindbot.services.ServiceRefusedException;
import ai.mindbot.agent.mindbot.services.TimeService;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The auth service's {@code /auth/service-token} and the time service's session and pricing
 * endpoints on a loopback port, speaking their JSON (snake_case bodies, problem+json errors with a
 * {@code code}), with the metering rules of {@link FakeTimeService} behind them. Every request is
 * recorded so tests can check what went over the wire.
 */
public final class FakeServicesServer implements AutoCloseable {

    public static final String API_KEY = "test-agent-key-0123456789abcdef0123";
    public static final String USER_EMAIL = "john@example.com";
    public static final String USER_PASSWORD = "secure_password";
    private static final String USER_TOKEN = "user-access-token-7";

    private final HttpServer server;
    public final FakeTimeService model;
    public final List<String> requests = new CopyOnWriteArrayList<>();
    public final List<JsonNode> sessionStarts = new CopyOnWriteArrayList<>();
    public final AtomicInteger tokensIssued = new AtomicInteger();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    public volatile int tokenLifetimeSeconds = 600;

    public FakeServicesServer(FakeTimeService model) throws IOException {
        this.model = model;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Forgets every token, as an auth service restarted with a new secret would. */
    public void revokeTokens() {
        validTokens.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange);
            } catch (CompletionException e) {
                if (e.getCause() instanceof ServiceRefusedException refused) {
                    ObjectNode problem = (ObjectNode) refused.problem().deepCopy();
                    problem.put("code", refused.code()).put("status", refused.status());
                    send(exchange, refused.status(), problem);
                } else {
                    problem(exchange, 503, "unavailable");
                }
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        requests.add(method + " " + path);
        JsonNode body = Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (path.equals("/auth/service-token") && method.equals("POST")) {
            if (!API_KEY.equals(body.path("api_key").asString(""))) {
                problem(exchange, 401, "invalid_api_key");
                return;
            }
            String token = "agent-token-" + tokensIssued.incrementAndGet();
            validTokens.add(token);
            send(
                    exchange,
                    200,
                    Json.object()
                            .put("access_token", token)
                            .put("token_type", "bearer")
                            .put("expires_in", tokenLifetimeSeconds));
            return;
        }
        if (path.equals("/auth/login") && method.equals("POST")) {
            if (!USER_EMAIL.equals(body.path("email").asString(""))
                    || !USER_PASSWORD.equals(body.path("password").asString(""))) {
                problem(exchange, 401, "invalid_credentials");
                return;
            }
            send(
                    exchange,
                    200,
                    Json.object()
                            .put("access_token", USER_TOKEN)
                            .put("token_type", "bearer")
                            .put("expires_in", 3600)
                            .put("refresh_token", "r1"));
            return;
        }
        if (path.equals("/auth/me") && method.equals("GET")) {
            if (!("Bearer " + USER_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                problem(exchange, 401, "unauthorized");
                return;
            }
            send(
                    exchange,
                    200,
                    Json.object()
                            .put("id", 7)
                            .put("email", USER_EMAIL)
                            .put("full_name", "John Doe")
                            .put("livekit_identity", "user-7"));
            return;
        }
        if (path.equals("/time/pricing") && method.equals("GET")) {
            ArrayNode packages = Json.MAPPER.createArrayNode();
            for (TimeService.TimePackage p : model.pricing().join()) {
                packages.add(Json.object()
                        .put("id", p.id())
                        .put("name", p.name())
                        .put("seconds", p.seconds())
                        .put("price_cents", p.priceCents())
                        .put("currency", p.currency())
                        .put("description", p.description()));
            }
            ObjectNode answer = Json.object();
            answer.set("packages", packages);
            send(exchange, 200, answer);
            return;
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !validTokens.contains(auth.substring(7))) {
            problem(exchange, 401, "unauthorized");
            return;
        }
        if (path.equals("/time/sessions") && method.equals("POST")) {
            sessionStarts.add(body);
            TimeService.SessionStarted s = model.start(new TimeService.SessionRequest(
                            body.path("user_id").asString(),
                            body.path("email").asString(""),
                            body.path("room_name").asString(),
                            body.path("participant_identity").asString(null)))
                    .join();
            send(
                    exchange,
                    201,
                    Json.object()
                            .put("session_id", s.sessionId())
                            .put("granted_seconds", s.grantedSeconds())
                            .put("expires_at", 1_767_225_600_000L)
                            .put("balance_seconds", s.balanceSeconds()));
        } else if (path.matches("/time/sessions/[^/]+/heartbeat") && method.equals("POST")) {
            TimeService.HeartbeatAnswer h = model.heartbeat(path.split("/")[3]).join();
            send(
                    exchange,
                    200,
                    Json.object()
                            .put("granted_seconds", h.grantedSeconds())
                            .put("remaining_seconds", h.remainingSeconds())
                            .put("low_balance", h.lowBalance())
                            .put("final_slice", h.finalSlice())
                            .put("status", h.ended() ? "ended" : "active"));
        } else if (path.matches("/time/sessions/[^/]+/end") && method.equals("POST")) {
            TimeService.SessionEnded e = model.end(path.split("/")[3]).join();
            send(
                    exchange,
                    200,
                    Json.object()
                            .put("session_id", e.sessionId())
                            .put("status", "ended")
                            .put("billed_seconds", e.billedSeconds())
                            .put("balance_seconds", e.balanceSeconds()));
        } else {
            problem(exchange, 404, "not_found");
        }
    }

    private static void problem(HttpExchange exchange, int status, String code) throws IOException {
        send(
                exchange,
                status,
                Json.object().put("type", "about:blank").put("status", status).put("code", code));
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
