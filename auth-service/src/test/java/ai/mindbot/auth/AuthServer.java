package ai.mindbot.auth;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.RunningService;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.common.test.Tokens;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * The real auth-service on a random port and a fresh database, with known secrets so tests can
 * verify what it signs with libraries of their own.
 */
public final class AuthServer implements AutoCloseable {

    public static final String JWT_SECRET = Tokens.SECRET;
    public static final String LIVEKIT_KEY = "APItestkey";
    public static final String LIVEKIT_SECRET = "test-livekit-secret-0123456789abcdefghij";
    public static final String LIVEKIT_URL = "wss://livekit.example.test";
    public static final String ADMIN_EMAIL = "boss@mindbot.test";
    public static final String AGENT_KEY = "test-agent-api-key-0123456789-abcdefghij";
    public static final String PASSWORD = "correct horse battery";

    private static final AtomicInteger EMAILS = new AtomicInteger();

    private final RunningService service;
    private final Map<String, String> properties;
    public final Http http;

    private AuthServer(RunningService service, Map<String, String> properties) {
        this.service = service;
        this.properties = properties;
        this.http = new Http(service.baseUrl());
    }

    public static AuthServer start(TestDatabase database) {
        return start(database, Map.of());
    }

    public static AuthServer start(TestDatabase database, Map<String, String> overrides) {
        return start(defaults(database.freshProperties()), overrides);
    }

    /** An auth-service on exactly these properties over the test defaults (database, data directory included). */
    public static AuthServer startWith(Map<String, String> properties) {
        Map<String, String> base = new HashMap<>(properties);
        return start(defaults(base), properties);
    }

    /** Another instance on the same database and data directory, as a second replica would run. */
    public AuthServer sibling() {
        return start(properties, Map.of());
    }

    private static AuthServer start(Map<String, String> base, Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(base);
        properties.putAll(overrides);
        return new AuthServer(RunningService.start(AuthServiceApplication.builder(), properties), properties);
    }

    private static Map<String, String> defaults(Map<String, String> fresh) {
        Map<String, String> properties = new HashMap<>(fresh);
        properties.put("JWT_SECRET", JWT_SECRET);
        properties.put("LIVEKIT_URL", LIVEKIT_URL);
        properties.put("LIVEKIT_API_KEY", LIVEKIT_KEY);
        properties.put("LIVEKIT_API_SECRET", LIVEKIT_SECRET);
        properties.put("ADMIN_USERS", " Boss@MindBot.test , other-admin@mindbot.test");
        properties.put("AGENT_API_KEY", AGENT_KEY);
        return properties;
    }

    /** A bean of the running service, for tests that drive one component against its real database. */
    public <T> T bean(Class<T> type) {
        return service.context().getBean(type);
    }

    public String baseUrl() {
        return service.baseUrl();
    }

    public String dataDirectory() {
        return properties.get("MINDBOT_DATA_DIR");
    }

    /** An email no other test uses. */
    public static String newEmail() {
        return "user" + EMAILS.incrementAndGet() + "-" + System.nanoTime() + "@example.com";
    }

    /** Registers a new account and returns the register response (access, refresh and LiveKit tokens). */
    public JsonNode register(String email) {
        Http.Response response =
                http.post("/auth/register", Map.of("email", email, "password", PASSWORD, "full_name", "Test Person"));
        if (response.status() != 201) {
            throw new AssertionError("register failed: " + response.status() + " " + response.body());
        }
        return response.json();
    }

    public JsonNode registerNew() {
        return register(newEmail());
    }

    public JsonNode login(String email) {
        Http.Response response = http.post("/auth/login", Map.of("email", email, "password", PASSWORD));
        if (response.status() != 200) {
            throw new AssertionError("login failed: " + response.status() + " " + response.body());
        }
        return response.json();
    }

    /**
     * One login attempt as if from this client address (X-Forwarded-For, which the test
     * configuration trusts), so rate limits can be exercised per address; the answer as it is.
     */
    public Http.Response loginFrom(String email, String password, String address) {
        return http.send(
                "POST",
                "/auth/login",
                Http.json(Map.of("email", email, "password", password)),
                null,
                Map.of("X-Forwarded-For", address));
    }

    /** An admin's access token (registering the admin account on first use). */
    public String adminToken() {
        Http.Response login = http.post("/auth/login", Map.of("email", ADMIN_EMAIL, "password", PASSWORD));
        return (login.status() == 200 ? login.json() : register(ADMIN_EMAIL))
                .get("access_token")
                .asString();
    }

    @Override
    public void close() {
        service.close();
    }
}
