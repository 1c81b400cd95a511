package ai.mindbot.admin.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for the auth and time services in tests: a real HTTP server on a free port that
 * records every call (method, path, bearer, Idempotency-Key, JSON body) and answers as the shared
 * contract says, or as a test tells it to for one path.
 */
public final class FakeServices implements AutoCloseable {

    public record Call(String method, String path, String bearer, String idempotencyKey, JsonNode body) {}

    public record Answer(int status, String json) {
        public static Answer ok(String json) {
            return new Answer(200, json);
        }

        public static Answer problem(int status, String code, String detail) {
            return new Answer(
                    status,
                    "{\"type\":\"/problems/" + code + "\",\"status\":" + status + ",\"code\":\"" + code
                            + "\",\"detail\":\"" + detail + "\"}");
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Call, Answer>> answers = new ConcurrentHashMap<>();

    public FakeServices() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on, answer calls to this exact path with this (until {@link #reset()}). */
    public void answer(String path, Function<Call, Answer> answer) {
        answers.put(path, answer);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> callsTo(String path) {
        return calls.stream().filter(c -> c.path().equals(path)).toList();
    }

    public void reset() {
        calls.clear();
        answers.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        Call call = new Call(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null,
                exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                body.isBlank() ? JSON.nullNode() : JSON.readTree(body));
        calls.add(call);
        Function<Call, Answer> custom = answers.get(call.path());
        Answer answer = custom != null ? custom.apply(call) : contract(call);
        byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .set("Content-Type", answer.status() >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** The contract's happy answers for the admin endpoints of auth and time. */
    private static Answer contract(Call call) {
        String p = call.path();
        if (call.bearer() == null) {
            return Answer.problem(401, "unauthorized", "a valid bearer token is required");
        }
        if (p.equals("/time/admin/grants")) {
            long seconds = call.body().get("seconds").asLong();
            return Answer.ok("{\"entry_id\":1,\"user_id\":\""
                    + call.body().get("user_id").asString() + "\",\"seconds\":" + seconds + ",\"balance_seconds\":"
                    + (3600 + seconds) + "}");
        }
        if (p.matches("/time/admin/purchases/[^/]+/refund")) {
            return Answer.ok("{\"purchase_id\":\"" + p.split("/")[4] + "\",\"status\":\"refunded\"}");
        }
        if (p.matches("/time/admin/sessions/[^/]+/end")) {
            return Answer.ok("{\"session_id\":\"" + p.split("/")[4] + "\",\"billed_seconds\":42}");
        }
        if (p.matches("/time/admin/accounts/[^/]+/(disable|enable)")
                || p.matches("/auth/admin/users/[^/]+/(disable|enable)")) {
            return Answer.ok("{\"user_id\":\"" + p.split("/")[4] + "\",\"disabled\":" + p.endsWith("/disable") + "}");
        }
        return Answer.problem(404, "not_found", "no such route in the fake");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
