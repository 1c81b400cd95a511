package ai.mindbot.time.ledger;

/**
 * The cause was already posted. Thrown inside the transaction so everything it did is rolled
 * back; callers that expect repeats (webhooks, retries) catch it outside and answer "already done".
 */
public class DuplicateCauseException extends RuntimeException {

    private final transient Cause cause;

    public DuplicateCauseException(EntryKind kind, Cause cause) {
        super(kind.dbValue() + " for " + cause.type() + " " + cause.id() + " was already posted", null, false, false);
        this.cause = cause;
    }

    public Cause duplicate() {
        return cause;
    }
}
