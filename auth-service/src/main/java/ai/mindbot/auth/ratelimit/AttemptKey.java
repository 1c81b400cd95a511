package ai.mindbot.auth.ratelimit;

import java.util.Objects;

/** One counter: a bucket and whom it counts (an email or an address), cut to the column size. */
public record AttemptKey(Bucket bucket, String subject) {

    private static final int MAX_SUBJECT = 254;

    public AttemptKey {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(subject, "subject");
        if (subject.length() > MAX_SUBJECT) {
            subject = subject.substring(0, MAX_SUBJECT);
        }
    }
}
