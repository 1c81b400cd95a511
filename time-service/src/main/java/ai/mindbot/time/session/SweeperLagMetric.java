package ai.mindbot.time.session;

import ai.mindbot.time.WaitingWorkGauge;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code mindbot_sessions_lapsed_oldest_seconds}: how long ago the oldest still-active session's
 * reservation lapsed. The sweeper settles lapsed sessions every SESSION_SWEEP_SECONDS, so this stays
 * near that; when it grows, no instance is sweeping (or sweeps fail) and lapsed sessions keep their
 * users' reserved seconds.
 */
@Component
class SweeperLagMetric extends WaitingWorkGauge {

    SweeperLagMetric(JdbcClient jdbc, Clock clock) {
        super(
                "mindbot.sessions.lapsed.oldest",
                "How long ago the oldest active session's reservation lapsed",
                """
                SELECT MIN(expires_at) FROM voice_sessions WHERE status = 'active' AND expires_at <= :now""",
                jdbc,
                clock);
    }
}
