package ai.mindbot.auth.ratelimit;

import ai.mindbot.auth.ratelimit.RateLimitSettings.Limit;
import java.util.List;

/**
 * Where attempts are counted, each key in a sliding window: the database ({@link DatabaseAttempts}),
 * or Redis when {@code REDIS_URL} is set ({@link RedisAttempts}).
 */
interface AttemptStore {

    /** A key and the limit it is counted against. */
    record Limited(AttemptKey key, Limit limit) {}

    /** What one call counted; giving it back uncounts exactly that. */
    interface Taken {
        void giveBack();
    }

    /**
     * Counts one attempt against every key, or counts none and throws {@link LimitReached} when any
     * of them is then over its limit.
     */
    Taken reserve(List<Limited> keys, long now);

    /** Counts one attempt without refusing it; {@link Counted#inWindow()} includes this one. */
    Counted record(Limited key, long now);

    record Counted(Taken taken, long inWindow) {}

    void forget(Bucket bucket, String subject);

    /** Forgets the bucket's counters whose subject starts with {@code prefix} (taken literally). */
    void forgetStartingWith(Bucket bucket, String prefix);

    /** A key was at its limit: one more attempt fits {@code retryAfterMillis} from now. */
    final class LimitReached extends RuntimeException {
        final transient AttemptKey key;
        final long retryAfterMillis;

        LimitReached(AttemptKey key, long retryAfterMillis) {
            super(null, null, false, false);
            this.key = key;
            this.retryAfterMillis = retryAfterMillis;
        }
    }
}
