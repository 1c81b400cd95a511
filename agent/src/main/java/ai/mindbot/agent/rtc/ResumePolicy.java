package ai.mindbot.agent.rtc;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When to try resuming a room after its signalling socket dropped, and when to give up. The first
 * try is immediate (most drops are one lost TCP connection), then the waits grow, as LiveKit's own
 * client SDKs do (client-sdk-js {@code DefaultReconnectPolicy}: 0, 0.3, 1.2, 2.7, 4.8 s, then 7 s).
 * About 40 s in all: longer than LiveKit keeps a participant whose peer connections are also gone,
 * so past that there is nothing left to resume.
 */
final class ResumePolicy {

    private static final List<Duration> DELAYS = List.of(
            Duration.ZERO,
            Duration.ofMillis(300),
            Duration.ofMillis(1200),
            Duration.ofMillis(2700),
            Duration.ofMillis(4800),
            Duration.ofSeconds(7),
            Duration.ofSeconds(7),
            Duration.ofSeconds(7),
            Duration.ofSeconds(7));

    /** The wait before try number {@code attempt} (0-based), or empty once it is time to give up. */
    Optional<Duration> delayBefore(int attempt) {
        return attempt < DELAYS.size() ? Optional.of(DELAYS.get(attempt)) : Optional.empty();
    }
}
