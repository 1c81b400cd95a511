package ai.mindbot.time.ledger;

/** A user's standing in the time service: stored balance, seconds held by live sessions, flags. */
public record Account(String userId, long balanceSeconds, long reservedSeconds, boolean disabled, boolean flagged) {

    /** What a new session or reservation may still use. */
    public long availableSeconds() {
        return Math.max(0, balanceSeconds - reservedSeconds);
    }
}
