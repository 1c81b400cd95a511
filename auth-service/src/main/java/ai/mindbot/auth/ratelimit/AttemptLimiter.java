package ai.mindbot.auth.ratelimit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ai.mindbot.auth.ratelimit.RateLimitSettings.Limit;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts attempts in the database with a sliding window. An attempt is first <em>reserved</em>
 * (inserted) and only then counted, so concurrent requests on any number of instances can never
 * slip past a limit together; the worst they can do is refuse each other. A refused attempt takes
 * its rows back, so hammering while blocked does not extend the block and {@code Retry-After} stays true.
 */
@Component
public class AttemptLimiter {

    private final JdbcClient db;
    private final RateLimitSettings settings;
    private final Clock clock;

    private final MeterRegistry metrics;

    AttemptLimiter(JdbcClient db, RateLimitSettings settings, Clock clock, MeterRegistry metrics) {
        this.db = db;
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Counts one attempt against every key, or throws {@link RateLimitedException} (counting nothing)
     * when any of them is already at its limit.
     */
    public Reservation reserve(AttemptKey... keys) {
        long now = clock.millis();
        List<Long> reserved = new ArrayList<>();
        for (AttemptKey key : keys) {
            Limit limit = settings.limitFor(key.bucket());
            if (limit.unlimited()) {
                continue;
            }
            long windowStart = now - limit.window().toMillis();
            reserved.add(insert(key, now));
            long inWindow = countSince(key, windowStart);
            if (inWindow > limit.max()) {
                long retryAfterMillis = freeAt(key, windowStart, inWindow - limit.max(), limit) - now;
                delete(reserved);
                metrics.counter("mindbot.auth.rate_limited", "bucket", key.bucket().name().toLowerCase(Locale.ROOT))
                        .increment();
                throw new RateLimitedException(Math.max(1, (retryAfterMillis + 999) / 1000));
            }
        }
        return new Reservation(reserved, 0);
    }

    /**
     * Counts one attempt against the key without ever refusing it, and says how many the key has in
     * its window now, this one included (for limits that slow down instead of refusing).
     */
    public Reservation record(AttemptKey key) {
        Limit limit = settings.limitFor(key.bucket());
        long now = clock.millis();
        long id = insert(key, now);
        return new Reservation(List.of(id), countSince(key, now - limit.window().toMillis()));
    }

    /** Forgets every attempt counted against these subjects of the bucket (e.g. after a password reset). */
    public void forget(Bucket bucket, String subject) {
        db.sql("DELETE FROM auth_attempts WHERE bucket = :bucket AND subject = :subject")
                .param("bucket", bucket.name()).param("subject", new AttemptKey(bucket, subject).subject()).update();
    }

    /** Forgets the bucket's attempts whose subject starts with {@code prefix} (taken literally). */
    public void forgetStartingWith(Bucket bucket, String prefix) {
        db.sql("DELETE FROM auth_attempts WHERE bucket = :bucket AND SUBSTR(subject, 1, :length) = :prefix")
                .param("bucket", bucket.name()).param("length", prefix.length()).param("prefix", prefix).update();
    }

    /** Forgets old attempts; nothing reads rows outside the longest window. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void purge() {
        db.sql("DELETE FROM auth_attempts WHERE attempted_at < :cutoff")
                .param("cutoff", clock.millis() - settings.longestWindow().toMillis())
                .update();
    }

    private long insert(AttemptKey key, long now) {
        return db.sql("INSERT INTO auth_attempts (bucket, subject, attempted_at) VALUES (:bucket, :subject, :now) RETURNING id")
                .param("bucket", key.bucket().name())
                .param("subject", key.subject())
                .param("now", now)
                .query(Long.class).single();
    }

    private long countSince(AttemptKey key, long windowStart) {
        return db.sql("""
                SELECT COUNT(*) FROM auth_attempts
                WHERE bucket = :bucket AND subject = :subject AND attempted_at > :since""")
                .param("bucket", key.bucket().name())
                .param("subject", key.subject())
                .param("since", windowStart)
                .query(Long.class).single();
    }

    /** When enough of the oldest attempts in the window have aged out for one more to fit. */
    private long freeAt(AttemptKey key, long windowStart, long mustExpire, Limit limit) {
        Long oldest = db.sql("""
                SELECT attempted_at FROM auth_attempts
                WHERE bucket = :bucket AND subject = :subject AND attempted_at > :since
                ORDER BY attempted_at, id LIMIT 1 OFFSET :skip""")
                .param("bucket", key.bucket().name())
                .param("subject", key.subject())
                .param("since", windowStart)
                .param("skip", mustExpire - 1)
                .query(Long.class).optional().orElse(windowStart);
        return oldest + limit.window().toMillis();
    }

    private void delete(List<Long> ids) {
        if (!ids.isEmpty()) {
            db.sql("DELETE FROM auth_attempts WHERE id IN (:ids)").param("ids", ids).update();
        }
    }

    /** The attempts one request counted; a request that turns out well takes them back. */
    public final class Reservation {
        private final List<Long> ids;
        private final long counted;

        private Reservation(List<Long> ids, long counted) {
            this.ids = List.copyOf(ids);
            this.counted = counted;
        }

        /** For {@link #record}: the attempts in the key's window, this one included. */
        public long counted() {
            return counted;
        }

        /** Both reservations as one, released together. */
        public Reservation and(Reservation other) {
            List<Long> all = new ArrayList<>(ids);
            all.addAll(other.ids);
            return new Reservation(all, Math.max(counted, other.counted));
        }

        /** The attempt succeeded: it does not count against anyone. */
        public void release() {
            delete(ids);
        }
    }
}
