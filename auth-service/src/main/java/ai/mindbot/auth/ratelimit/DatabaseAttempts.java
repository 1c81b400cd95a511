package ai.mindbot.auth.ratelimit;

import ai.mindbot.auth.ratelimit.RateLimitSettings.Limit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Attempts as rows of {@code auth_attempts}, shared by every instance on the same database. An
 * attempt is first <em>inserted</em> and only then counted, so concurrent requests on any number of
 * instances can never slip past a limit together; the worst they can do is refuse each other.
 */
@Repository
class DatabaseAttempts implements AttemptStore {

    private final JdbcClient db;

    DatabaseAttempts(JdbcClient db) {
        this.db = db;
    }

    @Override
    public Taken reserve(List<Limited> keys, long now) {
        List<Long> inserted = new ArrayList<>();
        for (Limited limited : keys) {
            AttemptKey key = limited.key();
            Limit limit = limited.limit();
            long windowStart = now - limit.window().toMillis();
            inserted.add(insert(key, now));
            long inWindow = countSince(key, windowStart);
            if (inWindow > limit.max()) {
                long freeAt = nthInWindow(key, windowStart, inWindow - limit.max())
                        + limit.window().toMillis();
                delete(inserted);
                throw new LimitReached(key, freeAt - now);
            }
        }
        return () -> delete(inserted);
    }

    @Override
    public Counted record(Limited limited, long now) {
        long id = insert(limited.key(), now);
        return new Counted(
                () -> delete(List.of(id)),
                countSince(limited.key(), now - limited.limit().window().toMillis()));
    }

    @Override
    public void forget(Bucket bucket, String subject) {
        db.sql("DELETE FROM auth_attempts WHERE bucket = :bucket AND subject = :subject")
                .param("bucket", bucket.name())
                .param("subject", new AttemptKey(bucket, subject).subject())
                .update();
    }

    @Override
    public void forgetStartingWith(Bucket bucket, String prefix) {
        db.sql("DELETE FROM auth_attempts WHERE bucket = :bucket AND SUBSTR(subject, 1, :length) = :prefix")
                .param("bucket", bucket.name())
                .param("length", prefix.length())
                .param("prefix", prefix)
                .update();
    }

    /** Forgets attempts made before {@code cutoff}. */
    void purgeBefore(long cutoff) {
        db.sql("DELETE FROM auth_attempts WHERE attempted_at < :cutoff")
                .param("cutoff", cutoff)
                .update();
    }

    private long insert(AttemptKey key, long now) {
        return db.sql(
                        "INSERT INTO auth_attempts (bucket, subject, attempted_at) VALUES (:bucket, :subject, :now) RETURNING id")
                .param("bucket", key.bucket().name())
                .param("subject", key.subject())
                .param("now", now)
                .query(Long.class)
                .single();
    }

    private long countSince(AttemptKey key, long windowStart) {
        return db.sql("""
                SELECT COUNT(*) FROM auth_attempts
                WHERE bucket = :bucket AND subject = :subject AND attempted_at > :since""")
                .param("bucket", key.bucket().name())
                .param("subject", key.subject())
                .param("since", windowStart)
                .query(Long.class)
                .single();
    }

    /** When the {@code n}th oldest attempt in the window was made. */
    private long nthInWindow(AttemptKey key, long windowStart, long n) {
        return db.sql("""
                SELECT attempted_at FROM auth_attempts
                WHERE bucket = :bucket AND subject = :subject AND attempted_at > :since
                ORDER BY attempted_at, id LIMIT 1 OFFSET :skip""")
                .param("bucket", key.bucket().name())
                .param("subject", key.subject())
                .param("since", windowStart)
                .param("skip", n - 1)
                .query(Long.class)
                .optional()
                .orElse(windowStart);
    }

    private void delete(List<Long> ids) {
        if (!ids.isEmpty()) {
            db.sql("DELETE FROM auth_attempts WHERE id IN (:ids)")
                    .param("ids", ids)
                    .update();
        }
    }
}
