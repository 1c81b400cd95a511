package ai.mindbot.time.testing;

import ai.mindbot.auth.AuthServiceApplication;
import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.RunningService;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.common.test.Tokens;
import java.util.HashMap;
import java.util.Map;

/**
 * The real auth service beside the time service under test, sharing its JWT secret: the time
 * service asks it whether the user an admin action names exists. Users are registered over HTTP.
 */
public final class AuthService implements AutoCloseable {

    private final RunningService service;
    private final Http http;

    private AuthService(RunningService service) {
        this.service = service;
        this.http = new Http(service.baseUrl());
    }

    public static AuthService start(TestDatabase database) {
        Map<String, String> properties = new HashMap<>(database.freshProperties());
        properties.put("JWT_SECRET", Tokens.SECRET);
        properties.put("AUTH_RATE_REGISTER_PER_ADDRESS", "0"); // tests register many users from one address
        return new AuthService(RunningService.start(AuthServiceApplication.builder(), properties));
    }

    /** What the time service needs to find this auth service. */
    public Map<String, String> timeServiceProperties() {
        return Map.of("AUTH_SERVICE_URL", service.baseUrl());
    }

    /** Registers a new account and returns its user id (the {@code sub} of its tokens). */
    public String newUser() {
        String email = "user-" + System.nanoTime() + "@example.com";
        Http.Response registered = http.post(
                "/auth/register",
                Map.of("email", email, "password", "a long enough password", "full_name", "Test User"));
        if (registered.status() != 201) {
            throw new AssertionError("register failed: " + registered.status() + " " + registered.body());
        }
        return http.get("/auth/me", registered.json().get("access_token").asString())
                .json()
                .get("id")
                .asString();
    }

    @Override
    public void close() {
        service.close();
    }
}
