package ai.mindbot.agent.rtc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResumePolicyTest {

    private final ResumePolicy policy = new ResumePolicy();

    @Test
    void triesAtOnceThenWaitsLongerAndLonger() {
        assertThat(policy.delayBefore(0)).contains(Duration.ZERO);
        for (int attempt = 1; attempt < 9; attempt++) {
            assertThat(policy.delayBefore(attempt).orElseThrow())
                    .isGreaterThanOrEqualTo(policy.delayBefore(attempt - 1).orElseThrow());
        }
    }

    @Test
    void givesUpAfterAboutFortySeconds() {
        Duration total = Duration.ZERO;
        int attempt = 0;
        for (Optional<Duration> next; (next = policy.delayBefore(attempt)).isPresent(); attempt++) {
            total = total.plus(next.get());
        }
        assertThat(attempt).isEqualTo(9);
        assertThat(total).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(45));
    }
}
