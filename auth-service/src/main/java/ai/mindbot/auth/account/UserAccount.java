package ai.mindbot.auth.account;

import java.time.Instant;

/** One account as stored. {@code disabledAt == null} means the account may sign in. */
public record UserAccount(
        long id,
        String email,
        String fullName,
        String passwordHash,
        Instant createdAt,
        Instant disabledAt,
        String disabledReason) {

    public boolean disabled() {
        return disabledAt != null;
    }

    /** The id as every token carries it ({@code sub}, LiveKit metadata). */
    public String subject() {
        return Long.toString(id);
    }
}
