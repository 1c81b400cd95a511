package ai.mindbot.auth.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.auth.OnBothDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sliding window counted in a real database (no Redis), with a clock the test moves. */
class AttemptLimiterIT extends OnBothDatabases implements SlidingWindowBehaviour {

    private final MovableClock clock = new MovableClock();
    private final AttemptLimiter limiter = new AttemptLimiter(
            new DatabaseAttempts(server.bean(JdbcClient.class)),
            (AttemptStore) null,
            SlidingWindowBehaviour.threeLoginsPerAccount(),
            clock,
            new SimpleMeterRegistry());

    @Override
    public AttemptLimiter limiter() {
        return limiter;
    }

    @Override
    public MovableClock clock() {
        return clock;
    }

    @Test
    void purgeForgetsOnlyWhatLeftEveryWindow() {
        AttemptKey key = key();
        limiter.reserve(key);
        limiter.reserve(key);
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        limiter.reserve(key);
        limiter.purge();
        long rows = server.bean(JdbcClient.class)
                .sql("SELECT COUNT(*) FROM auth_attempts WHERE subject = :s")
                .param("s", key.subject())
                .query(Long.class)
                .single();
        assertThat(rows).isEqualTo(1);
    }
}
