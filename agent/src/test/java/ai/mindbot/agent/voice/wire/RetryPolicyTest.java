package ai.mindbot.agent.voice.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);
    private final RetryPolicy policy = new RetryPolicy(2, clock);

    @Test
    void waitsTheSecondsRetryAfterGives() {
        assertThat(policy.delay(1, Optional.of("1"))).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delay(1, Optional.of("0.25"))).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void waitsUntilTheHttpDateRetryAfterGives() {
        assertThat(policy.delay(1, Optional.of("Wed, 02 Dec 2026 12:00:03 GMT")))
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.delay(1, Optional.of("Wed, 02 Dec 2026 11:00:00 GMT")))
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void neverWaitsMoreThanEightSecondsWhateverTheServerSays() {
        assertThat(policy.delay(1, Optional.of("120"))).isEqualTo(RetryPolicy.MAX_DELAY);
    }

    @Test
    void backsOffFromHalfASecondDoublingWithoutRetryAfter() {
        assertThat(policy.delay(1, Optional.empty())).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.delay(2, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delay(3, Optional.of("soon"))).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delay(10, Optional.empty())).isEqualTo(RetryPolicy.MAX_DELAY);
    }

    @Test
    void retriesRateLimitsAndServerErrorsButNeverARefusedKey() {
        assertThat(RetryPolicy.retryable(429)).isTrue();
        assertThat(RetryPolicy.retryable(503)).isTrue();
        assertThat(RetryPolicy.retryable(401)).isFalse();
        assertThat(RetryPolicy.retryable(400)).isFalse();
    }
}
