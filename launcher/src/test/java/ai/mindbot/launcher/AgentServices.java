package ai.mindbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.auth.AuthServiceApplication;
import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.RunningService;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.time.TimeServiceApplication;
import java.util.HashMap;
import java.util.Map;

/** The real auth and time services (SQLite) that MindBot talks to, knowing the agent's key; for the agent's tests. */
final class AgentServices implements AutoCloseable {

    static final String AGENT_KEY = "it-agent-key-0123456789abcdef0123456789";

    final RunningService auth;
    final RunningService time;

    private AgentServices(RunningService auth, RunningService time) {
        this.auth = auth;
        this.time = time;
    }

    static AgentServices start() {
        Map<String, String> properties = new HashMap<>(TestDatabase.SQLITE.freshProperties());
        properties.put("JWT_SECRET", "mindbot-it-secret-0123456789abcdef0123456789");
        properties.put("AGENT_API_KEY", AGENT_KEY);
        RunningService auth = RunningService.start(AuthServiceApplication.builder(), properties);
        properties.put("AUTH_SERVICE_URL", auth.baseUrl());
        return new AgentServices(auth, RunningService.start(TimeServiceApplication.builder(), properties));
    }

    /** What the agent needs to find the services and prove it is the agent. */
    Map<String, String> agentEnv() {
        return Map.of(
                "AUTH_SERVICE_URL", auth.baseUrl(), "TIME_SERVICE_URL", time.baseUrl(), "AGENT_API_KEY", AGENT_KEY);
    }

    /** Signs a user up with the password {@code "password-" + email}; returns their access token. */
    String register(String email, String name) {
        Http.Response registered = new Http(auth.baseUrl())
                .post("/auth/register", Map.of("email", email, "password", "password-" + email, "full_name", name));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().get("access_token").asString();
    }

    /** Buys the one-hour package for the token's user, paid with the simulated provider's test card. */
    static void buyAnHour(RunningService time, String token) {
        Http.Response bought = new Http(time.baseUrl())
                .post("/time/purchase", Map.of("package_id", "starter_1h", "payment_method_id", "pm_card_visa"), token);
        assertThat(bought.status()).as(bought.body()).isBetween(200, 201);
    }

    @Override
    public void close() {
        time.close();
        auth.close();
    }
}
