package ai.mindbot.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.FreePort;
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
                assertThat(server.loginFrom(email, "wrong " + i, "10.30.0.1").status())
                        .isEqualTo(401);
            }
            assertThat(server.loginFrom(email, "wrong 4", "10.30.0.1").status()).isEqualTo(429);
            assertThat(server.loginFrom(email, AuthServer.PASSWORD, "10.30.0.2").status())
                    .isEqualTo(200);
            assertThat(server.http.get("/metrics").body()).contains("mindbot_redis_up 0.0");
        }
    }
}
