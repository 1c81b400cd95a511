package ai.mindbot.auth.ratelimit;

import ai.mindbot.auth.ratelimit.AttemptStore.LimitReached;
import ai.mindbot.auth.ratelimit.AttemptStore.Limited;
import ai.mindbot.auth.ratelimit.AttemptStore.Taken;
import ai.mindbot.auth.ratelimit.RateLimitSettings.Limit;
import ai.mindbot.common.redis.RedisUnavailableException;
import ai.mindbot.common.redis.SharedRedis;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts attempts in sliding windows. A refused attempt takes its count back, so hammering while
 * blocked does not extend the block and {@code Retry-After} stays true.
 * <p>
 * The counters live in the database, or in Redis when {@code REDIS_URL} is set. While Redis does
 * not answer they are counted in the database again: nobody is locked out because a cache died,
 * and guessing stays limited, by counters every instance on the database shares. What was counted
 * in Redis before the outage does not carry over, so a guesser gains at most one window's worth
 * per outage.
 */
@Component
public class AttemptLimiter {

    private final DatabaseAttempts database;
    private final AttemptStore redis;
    private final RateLimitSettings settings;
    private final Clock clock;
    private final MeterRegistry metrics;

    @Autowired
    AttemptLimiter(
            DatabaseAttempts database,
            ObjectProvider<SharedRedis> redis,
            RateLimitSettings settings,
            Clock clock,
            MeterRegistry metrics) {
        this(
                database,
                redis.getIfAvailable() == null ? null : new RedisAttempts(redis.getObject()),
                settings,
                clock,
                metrics);
    }

    AttemptLimiter(
            DatabaseAttempts database,
            AttemptStore redis,
            RateLimitSettings settings,
            Clock clock,
            MeterRegistry metrics) {
        this.database = database;
        this.redis = redis;
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Counts one attempt against every key, or throws {@link RateLimitedException} (counting nothing)
     * when any of them is already at its limit.
     */
    public Reservation reserve(AttemptKey... keys) {
        List<Limited> limited = new ArrayList<>();
        for (AttemptKey key : keys) {
            Limit limit = settings.limitFor(key.bucket());
            if (!limit.unlimited()) {
                limited.add(new Limited(key, limit));
            }
        }
        if (limited.isEmpty()) {
            return new Reservation(List.of(), 0);
        }
        long now = clock.millis();
        try {
            Taken taken = counted(store -> store.reserve(limited, now));
            return new Reservation(List.of(taken), 0);
        } catch (LimitReached full) {
            metrics.counter(
                            "mindbot.auth.rate_limited",
                            "bucket",
                            full.key.bucket().name().toLowerCase(Locale.ROOT))
                    .increment();
            throw new RateLimitedException(Math.max(1, (full.retryAfterMillis + 999) / 1000));
        }
    }

    /**
     * Counts one attempt against the key without ever refusing it, and says how many the key has in
     * its window now, this one included (for limits that slow down instead of refusing).
     */
    public Reservation record(AttemptKey key) {
        Limited limited = new Limited(key, settings.limitFor(key.bucket()));
        long now = clock.millis();
        AttemptStore.Counted counted = counted(store -> store.record(limited, now));
        return new Reservation(List.of(counted.taken()), counted.inWindow());
    }

    /** Forgets every attempt counted against these subjects of the bucket (e.g. after a password reset). */
    public void forget(Bucket bucket, String subject) {
        everywhere(store -> store.forget(bucket, subject));
    }

    /** Forgets the bucket's attempts whose subject starts with {@code prefix} (taken literally). */
    public void forgetStartingWith(Bucket bucket, String prefix) {
        everywhere(store -> store.forgetStartingWith(bucket, prefix));
    }

    /** Forgets old attempts in the database; nothing reads rows outside the longest window (Redis expires its own). */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void purge() {
        database.purgeBefore(clock.millis() - settings.longestWindow().toMillis());
    }

    /** In Redis when it is configured and answers, otherwise in the database. */
    private <T> T counted(Function<AttemptStore, T> count) {
        if (redis != null) {
            try {
                return count.apply(redis);
            } catch (RedisUnavailableException down) {
                // SharedRedis has logged the outage; count where every instance still can
            }
        }
        return count.apply(database);
    }

    /** Both stores: counters may be in either, depending on when Redis last answered. */
    private void everywhere(Consumer<AttemptStore> forget) {
        forget.accept(database);
        if (redis != null) {
            try {
                forget.accept(redis);
            } catch (RedisUnavailableException down) {
                // what Redis holds expires with its window
            }
        }
    }

    /** The attempts one request counted; a request that turns out well takes them back. */
    public static final class Reservation {
        private final List<Taken> taken;
        private final long counted;

        private Reservation(List<Taken> taken, long counted) {
            this.taken = List.copyOf(taken);
            this.counted = counted;
        }

        /** For {@link #record}: the attempts in the key's window, this one included. */
        public long counted() {
            return counted;
        }

        /** Both reservations as one, released together. */
        public Reservation and(Reservation other) {
            List<Taken> all = new ArrayList<>(taken);
            all.addAll(other.taken);
            return new Reservation(all, Math.max(counted, other.counted));
        }

        /** The attempt succeeded: it does not count against anyone. */
        public void release() {
            taken.forEach(Taken::giveBack);
        }
    }
}
