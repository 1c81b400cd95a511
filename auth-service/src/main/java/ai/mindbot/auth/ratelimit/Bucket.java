package ai.mindbot.auth.ratelimit;

/** What an attempt counts against. Stored by name, so renaming one resets its counters. */
public enum Bucket {
    /** Failed logins (and failed password changes) for one email address. */
    LOGIN_ACCOUNT,
    /** Failed logins from one client address. */
    LOGIN_ADDRESS,
    /** Failed service-credential exchanges from one client address (limited like logins). */
    SERVICE_ADDRESS,
    /** Registrations from one client address. */
    REGISTER_ADDRESS,
    /** Guest LiveKit tokens handed to one client address. */
    GUEST_ADDRESS;

    public AttemptKey key(String subject) {
        return new AttemptKey(this, subject);
    }
}
