package ai.mindbot.agent.worker;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Reconnect delays: doubling from {@code initial} up to {@code max}, with up to 25 % random jitter
 * so a fleet of workers does not reconnect in lockstep after LiveKit restarts.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;
    private int failures;

    Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    static Backoff standard() {
        return new Backoff(Duration.ofMillis(250), Duration.ofSeconds(10), Math::random);
    }

    /** The delay before the next attempt; each call counts one more failure. */
    Duration next() {
        long base = initial.toMillis() << Math.min(failures, 20);
        failures++;
        long capped = Math.min(base, max.toMillis());
        long jitter = (long) (capped * 0.25 * random.getAsDouble());
        return Duration.ofMillis(Math.min(max.toMillis(), capped + jitter));
    }

    void reset() {
        failures = 0;
    }
}
