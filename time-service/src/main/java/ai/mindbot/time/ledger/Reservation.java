package ai.mindbot.time.ledger;

/**
 * How a posting moves the seconds held for live sessions ({@code accounts.reserved_seconds}) in
 * the same row write as the balance: a session commit releases what it held and reserves its next
 * slice. The new hold is taken only if what the account has left after the entry covers it.
 */
public record Reservation(long release, long reserve) {

    public static final Reservation NONE = new Reservation(0, 0);

    public Reservation {
        if (release < 0 || reserve < 0) {
            throw new IllegalArgumentException("release and reserve are amounts of seconds, never negative");
        }
    }
}
