package ai.mindbot.auth.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The sliding window every attempt store keeps, with a clock the test moves: three logins per
 * account in fifteen minutes. Implemented by the database's test and by Redis's.
 */
interface SlidingWindowBehaviour {

    Duration WINDOW = Duration.ofMinutes(15);

    static RateLimitSettings threeLoginsPerAccount() {
        return new RateLimitSettings(
                3,
                0,
                WINDOW,
                Duration.ZERO,
                Duration.ZERO,
                0,
                Duration.ofHours(1),
                0,
                Duration.ofHours(1),
                0,
                0,
                Duration.ofHours(1));
    }

    AttemptLimiter limiter();

    MovableClock clock();

    /** A fresh account's counter. */
    default AttemptKey key() {
        return Bucket.LOGIN_ACCOUNT.key("window-" + System.nanoTime() + "@example.com");
    }

    @Test
    default void retryAfterSaysWhenTheOldestAttemptLeavesTheWindow() {
        AttemptKey key = key();
        limiter().reserve(key);
        clock().advance(Duration.ofMinutes(5));
        limiter().reserve(key);
        limiter().reserve(key);

        RateLimitedException refused =
                catchThrowableOfType(RateLimitedException.class, () -> limiter().reserve(key));
        assertThat(refused.properties()).containsEntry("retry_after_seconds", 600L);

        clock().advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThatThrownBy(() -> limiter().reserve(key)).isInstanceOf(RateLimitedException.class);
        clock().advance(Duration.ofSeconds(1));
        limiter().reserve(key); // the first attempt has aged out: one more fits
        assertThatThrownBy(() -> limiter().reserve(key)).isInstanceOf(RateLimitedException.class);
    }

    @Test
    default void refusedAttemptsDoNotExtendTheBlock() {
        AttemptKey key = key();
        for (int i = 0; i < 3; i++) {
            limiter().reserve(key);
        }
        for (int i = 0; i < 10; i++) {
            clock().advance(Duration.ofMinutes(1));
            assertThatThrownBy(() -> limiter().reserve(key)).isInstanceOf(RateLimitedException.class);
        }
        clock().advance(Duration.ofMinutes(5));
        limiter().reserve(key);
    }

    @Test
    default void releasedAttemptsDoNotCount() {
        AttemptKey key = key();
        for (int i = 0; i < 10; i++) {
            limiter().reserve(key).release();
        }
        limiter().reserve(key);
        limiter().reserve(key);
        limiter().reserve(key);
        assertThatThrownBy(() -> limiter().reserve(key)).isInstanceOf(RateLimitedException.class);
    }

    @Test
    default void oneRefusedKeyCountsNothingAgainstTheOthers() {
        AttemptKey key = key();
        AttemptKey other = key();
        for (int i = 0; i < 3; i++) {
            limiter().reserve(key);
        }
        assertThatThrownBy(() -> limiter().reserve(other, key)).isInstanceOf(RateLimitedException.class);
        limiter().reserve(other);
        limiter().reserve(other);
        limiter().reserve(other); // three, not two: the refused attempt above took its count back
    }

    @Test
    default void recordCountsWithoutEverRefusing() {
        AttemptKey key = key();
        for (int i = 1; i <= 5; i++) {
            assertThat(limiter().record(key).counted()).isEqualTo(i);
        }
        clock().advance(WINDOW);
        assertThat(limiter().record(key).counted()).isEqualTo(1);
    }

    @Test
    default void forgettingAnAccountLiftsItsBlockAndOnlyItsOwn() {
        AttemptKey key = key();
        AttemptKey other = key();
        for (int i = 0; i < 3; i++) {
            limiter().reserve(key);
            limiter().reserve(other);
        }
        limiter().forget(key.bucket(), key.subject());
        limiter().reserve(key);
        assertThatThrownBy(() -> limiter().reserve(other)).isInstanceOf(RateLimitedException.class);
    }
}
