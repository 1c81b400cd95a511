package ai.mindbot.agent.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesEachFailureUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(10), () -> 0.0);

        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(250));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(1000));
        for (int i = 0; i < 30; i++) {
            backoff.next();
        }
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void addsAtMostAQuarterOfJitterAndNeverExceedsTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(1000), Duration.ofSeconds(10), () -> 0.999);

        assertThat(backoff.next().toMillis()).isBetween(1000L, 1250L);
        for (int i = 0; i < 10; i++) {
            assertThat(backoff.next()).isLessThanOrEqualTo(Duration.ofSeconds(10));
        }
    }

    @Test
    void startsOverAfterASuccessfulRegistration() {
        Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(10), () -> 0.0);
        backoff.next();
        backoff.next();

        backoff.reset();

        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(250));
    }
}
