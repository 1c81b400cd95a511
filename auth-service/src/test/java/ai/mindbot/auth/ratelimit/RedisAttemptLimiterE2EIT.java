package ai.mindbot.auth.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mindbot.auth.AuthServer;
import ai.mindbot.common.redis.SharedRedis;
import ai.mindbot.common.test.RedisServer;
import ai.mindbot.common.test.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same sliding window counted in a real redis-server, and what happens when it goes away: the
 * counting moves to the database (logins go on, guessing stays limited) and back once Redis answers.
 */
@Tag("e2e")
class RedisAttemptLimiterE2EIT implements SlidingWindowBehaviour {

    private static RedisServer redisServer;
    private static SharedRedis redis;
    private static AuthServer database;

    private final MovableClock clock = new MovableClock();
    private AttemptLimiter limiter;

    @BeforeAll
    static void start() {
        redisServer = RedisServer.start();
        redis = SharedRedis.of(redisServer.url(), Duration.ofMillis(500));
        database = AuthServer.start(TestDatabase.SQLITE); // the fallback's database
    }

    @AfterAll
    static void stop() {
        redis.close();
        redisServer.close();
        database.close();
    }

    @Override
    public AttemptLimiter limiter() {
        if (limiter == null) {
            limiter = new AttemptLimiter(
                    new DatabaseAttempts(jdbc()),
                    new RedisAttempts(redis),
                    SlidingWindowBehaviour.threeLoginsPerAccount(),
                    clock,
                    new SimpleMeterRegistry());
        }
        return limiter;
    }

    @Override
    public MovableClock clock() {
        return clock;
    }

    @Test
    void countsInRedisNotInTheDatabase() {
        AttemptKey key = key();
        limiter().reserve(key);
        limiter().reserve(key);

        assertThat(redisServer.command("ZCARD " + RedisAttempts.name(key))).isEqualTo(":2\r\n");
        assertThat(rowsOf(key)).isZero();
    }

    @Test
    void forgettingByPrefixTakesTheGlobCharactersLiterally() {
        AttemptKey pair = Bucket.LOGIN_ACCOUNT_ADDRESS.key("a*b|10.0.0.1");
        AttemptKey lookalike = Bucket.LOGIN_ACCOUNT_ADDRESS.key("aXb|10.0.0.1");
        limiter().reserve(pair);
        limiter().reserve(lookalike);

        limiter().forgetStartingWith(Bucket.LOGIN_ACCOUNT_ADDRESS, "a*b|");

        assertThat(redisServer.command("EXISTS " + RedisAttempts.name(pair))).isEqualTo(":0\r\n");
        assertThat(redisServer.command("EXISTS " + RedisAttempts.name(lookalike)))
                .isEqualTo(":1\r\n");
    }

    @Test
    void whileRedisIsDownTheDatabaseCountsAndRedisTakesOverAgainOnceItAnswers() {
        AttemptKey key = key();
        limiter().reserve(key);
        redisServer.stop();
        try {
            for (int i = 0; i < 3; i++) {
                limiter().reserve(key); // counted in the database: Redis's one before the outage is not seen
            }
            assertThatThrownBy(() -> limiter().reserve(key)).isInstanceOf(RateLimitedException.class);
            assertThat(rowsOf(key)).isEqualTo(3);
            assertThat(redis.up()).isFalse();
        } finally {
            redisServer.restart();
        }
        AttemptKey after = key();
        awaitCountedInRedis(after);
        assertThat(redis.up()).isTrue();
        assertThat(rowsOf(after)).isZero();
    }

    /** Lettuce reconnects in the background (and SharedRedis waits a moment after a failure): retry until Redis counts. */
    private void awaitCountedInRedis(AttemptKey key) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            limiter().record(key);
            if (rowsOf(key) == 0) {
                return;
            }
            jdbc().sql("DELETE FROM auth_attempts WHERE subject = :s")
                    .param("s", key.subject())
                    .update();
            pause();
        }
        throw new AssertionError("Redis never counted again after it came back");
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long rowsOf(AttemptKey key) {
        return jdbc().sql("SELECT COUNT(*) FROM auth_attempts WHERE subject = :s")
                .param("s", key.subject())
                .query(Long.class)
                .single();
    }

    private static JdbcClient jdbc() {
        return database.bean(JdbcClient.class);
    }
}
