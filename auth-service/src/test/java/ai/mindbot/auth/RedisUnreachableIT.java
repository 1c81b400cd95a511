package ai.mindbot.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.FreePort;
import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code REDIS_URL} set but nothing answering there (no redis-server needed): the service starts,
 * the owner logs in, and guessing is still limited, counted in the database.
 */
class RedisUnreachableIT {

    @Test
    void loginsWorkAndGuessingIsStillLimited() {
        Map<String, String> properties = Map.of(
                "REDIS_URL",
                "redis://127.0.0.1:" + FreePort.pick(),
                "AUTH_RATE_LOGIN_PER_ACCOUNT",
                "3",
                "TRUST_PROXY",
                "true");
        try (AuthServer server = AuthServer.start(TestDatabase.SQLITE, properties)) {
            String email = AuthServer.newEmail();
            server.register(email);
            for (int i = 1; i <= 3; i++) {
                assertThat(login(server, email, "wrong " + i, "10.30.0.1").status())
                        .isEqualTo(401);
            }
            assertThat(login(server, email, "wrong 4", "10.30.0.1").status()).isEqualTo(429);
            assertThat(login(server, email, AuthServer.PASSWORD, "10.30.0.2").status())
                    .isEqualTo(200);
            assertThat(server.http.get("/metrics").body()).contains("mindbot_redis_up 0.0");
        }
    }

    private static Http.Response login(AuthServer server, String email, String password, String address) {
        return server.http.send(
                "POST",
                "/auth/login",
                Http.json(Map.of("email", email, "password", password)),
                null,
                Map.of("X-Forwarded-For", address));
    }
}
