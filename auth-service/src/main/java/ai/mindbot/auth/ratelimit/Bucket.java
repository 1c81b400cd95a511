package ai.mindbot.auth.ratelimit;

/** What an attempt counts against. Stored by name, so renaming one resets its counters. */
public enum Bucket {
    /**
     * Failed logins (and failed password changes) for one email address, from anywhere. Past the
     * limit they slow the account's logins down; they never refuse them, or anyone knowing an
     * email could lock its owner out.
     */
    LOGIN_ACCOUNT,
    /** Failed logins for one email address from one client address: past the limit, refused. */
    LOGIN_ACCOUNT_ADDRESS,
    /** Failed logins from one client address. */
    LOGIN_ADDRESS,
    /** Failed service-credential exchanges from one client address (limited like logins). */
    SERVICE_ADDRESS,
    /** Registrations from one client address. */
    REGISTER_ADDRESS,
    /** Guest LiveKit tokens handed to one client address. */
    GUEST_ADDRESS,
    /** Password reset requests from one client address (over the limit: 429). */
    RESET_ADDRESS,
    /** Password reset mails to one email address (over the limit: still 202, no mail). */
    RESET_ACCOUNT;

    public AttemptKey key(String subject) {
        return new AttemptKey(this, subject);
    }
}
