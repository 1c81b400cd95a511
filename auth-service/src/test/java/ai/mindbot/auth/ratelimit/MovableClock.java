package ai.mindbot.auth.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand; starts at a different instant in each run so counters never meet. */
final class MovableClock extends Clock {
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
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
