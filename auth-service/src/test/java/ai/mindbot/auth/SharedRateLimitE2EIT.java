package ai.mindbot.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.RedisServer;
import ai.mindbot.common.test.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two auth instances with {@code REDIS_URL}: the guessing limits count in a real redis-server, so
 * they hold across instances even when each has a database of its own, and a Redis that goes away
 * neither locks anyone out nor lets guessing run free.
 */
@Tag("e2e")
class SharedRateLimitE2EIT {

    private static final Map<String, String> FIVE_GUESSES = Map.of(
            "AUTH_RATE_LOGIN_PER_ACCOUNT", "5",
            "TRUST_PROXY", "true");

    @RegisterExtension
    static final RedisServer redis = RedisServer.perClass();

    @Test
    void theSixthWrongPasswordOnOneInstanceAfterFiveOnTheOtherIsRefused() {
        // separate SQLite files: the instances share nothing but Redis
        try (AuthServer a = AuthServer.start(TestDatabase.SQLITE, withRedis());
                AuthServer b = AuthServer.start(TestDatabase.SQLITE, withRedis())) {
            String email = AuthServer.newEmail();
            a.register(email);
            b.register(email);
            for (int i = 1; i <= 5; i++) {
                assertThat(a.loginFrom(email, "wrong " + i, "10.20.0.1").status())
                        .isEqualTo(401);
            }

            Http.Response sixth = b.loginFrom(email, "wrong 6", "10.20.0.1");

            assertThat(sixth.status()).isEqualTo(429);
            assertThat(sixth.json().get("code").asString()).isEqualTo("rate_limited");
            assertThat(b.loginFrom(email, AuthServer.PASSWORD, "10.20.0.2").status())
                    .isEqualTo(200);
            assertThat(attemptRows(a) + attemptRows(b)).isZero();
        }
    }

    @Test
    void whenRedisGoesAwayLoginsGoOnAndGuessingIsStillLimitedByTheSharedDatabase() {
        try (AuthServer a = AuthServer.start(TestDatabase.POSTGRESQL, withRedis());
                AuthServer b = a.sibling()) {
            String email = AuthServer.newEmail();
            a.register(email);
            assertThat(a.loginFrom(email, "wrong before", "10.21.0.1").status()).isEqualTo(401);
            redis.stop();
            try {
                assertThat(b.loginFrom(email, AuthServer.PASSWORD, "10.21.0.2").status())
                        .isEqualTo(200);
                for (int i = 1; i <= 5; i++) {
                    assertThat((i % 2 == 0 ? a : b)
                                    .loginFrom(email, "wrong " + i, "10.21.0.1")
                                    .status())
                            .isEqualTo(401);
                }
                assertThat(a.loginFrom(email, "wrong 6", "10.21.0.1").status()).isEqualTo(429);
                assertThat(attemptRows(a)).isPositive();
            } finally {
                redis.restart();
            }
            assertThat(b.loginFrom(email, AuthServer.PASSWORD, "10.21.0.3").status())
                    .isEqualTo(200);
        }
    }

    private static Map<String, String> withRedis() {
        Map<String, String> properties = new HashMap<>(FIVE_GUESSES);
        properties.put("REDIS_URL", redis.url());
        return properties;
    }

    private static long attemptRows(AuthServer server) {
        return server.bean(JdbcClient.class)
                .sql("SELECT COUNT(*) FROM auth_attempts")
                .query(Long.class)
                .single();
    }
}
