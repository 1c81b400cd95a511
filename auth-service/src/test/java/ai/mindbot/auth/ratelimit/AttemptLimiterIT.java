package ai.mindbot.auth.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import ai.mindbot.auth.OnBothDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The sliding window on a real database, with a clock the test moves. */
class AttemptLimiterIT extends OnBothDatabases {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private final MovableClock clock = new MovableClock();
    private AttemptLimiter limiter;
    private AttemptKey key;

    @BeforeEach
    void limiterAllowingThreeLoginsPerAccount() {
        RateLimitSettings settings = new RateLimitSettings(3, 0, WINDOW, Duration.ZERO, Duration.ZERO, 0, Duration.ofHours(1),
                0, Duration.ofHours(1), 0, 0, Duration.ofHours(1));
        limiter = new AttemptLimiter(server.bean(JdbcClient.class), settings, clock, new SimpleMeterRegistry());
        key = Bucket.LOGIN_ACCOUNT.key("window-" + System.nanoTime() + "@example.com");
    }

    @Test
    void retryAfterSaysWhenTheOldestAttemptLeavesTheWindow() {
        limiter.reserve(key);
        clock.advance(Duration.ofMinutes(5));
        limiter.reserve(key);
        limiter.reserve(key);

        RateLimitedException refused = catchThrowableOfType(RateLimitedException.class, () -> limiter.reserve(key));
        assertThat(refused.properties()).containsEntry("retry_after_seconds", 600L);

        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThatThrownBy(() -> limiter.reserve(key)).isInstanceOf(RateLimitedException.class);
        clock.advance(Duration.ofSeconds(1));
        limiter.reserve(key); // the first attempt has aged out: one more fits
        assertThatThrownBy(() -> limiter.reserve(key)).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void refusedAttemptsDoNotExtendTheBlock() {
        for (int i = 0; i < 3; i++) {
            limiter.reserve(key);
        }
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMinutes(1));
            assertThatThrownBy(() -> limiter.reserve(key)).isInstanceOf(RateLimitedException.class);
        }
        clock.advance(Duration.ofMinutes(5));
        limiter.reserve(key);
    }

    @Test
    void releasedAttemptsDoNotCount() {
        for (int i = 0; i < 10; i++) {
            limiter.reserve(key).release();
        }
        limiter.reserve(key);
        limiter.reserve(key);
        limiter.reserve(key);
        assertThatThrownBy(() -> limiter.reserve(key)).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void oneRefusedKeyCountsNothingAgainstTheOthers() {
        AttemptKey address = Bucket.LOGIN_ACCOUNT.key("other-" + System.nanoTime() + "@example.com");
        for (int i = 0; i < 3; i++) {
            limiter.reserve(key);
        }
        assertThatThrownBy(() -> limiter.reserve(address, key)).isInstanceOf(RateLimitedException.class);
        limiter.reserve(address);
        limiter.reserve(address);
        limiter.reserve(address); // three, not two: the refused attempt above took its row back
    }

    @Test
    void purgeForgetsOnlyWhatLeftEveryWindow() {
        limiter.reserve(key);
        limiter.reserve(key);
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        limiter.reserve(key);
        limiter.purge();
        long rows = server.bean(JdbcClient.class).sql("SELECT COUNT(*) FROM auth_attempts WHERE subject = :s")
                .param("s", key.subject()).query(Long.class).single();
        assertThat(rows).isEqualTo(1);
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z").plusNanos(System.nanoTime() % 1_000_000_000L);

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
