package ai.mindbot.time.ledger;

/**
 * An entry to post. {@code seconds} is signed (credit positive, debit negative). When
 * {@code floorAfter} is set the post is refused unless the balance stays at or above it, which is
 * how a debit is kept from spending what is not there.
 */
public record NewEntry(
        String userId,
        EntryKind kind,
        long seconds,
        Cause cause,
        Long correctsEntryId,
        String actor,
        String note,
        Long floorAfter) {

    public NewEntry {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId is required");
        }
        if (seconds == 0) {
            throw new IllegalArgumentException("an entry must move at least one second");
        }
    }

    public static NewEntry of(String userId, EntryKind kind, long seconds, Cause cause) {
        return new NewEntry(userId, kind, seconds, cause, null, null, null, null);
    }

    public NewEntry withActor(String actor, String note) {
        return new NewEntry(userId, kind, seconds, cause, correctsEntryId, actor, note, floorAfter);
    }

    public NewEntry correcting(long entryId) {
        return new NewEntry(userId, kind, seconds, cause, entryId, actor, note, floorAfter);
    }

    public NewEntry withFloor(long floor) {
        return new NewEntry(userId, kind, seconds, cause, correctsEntryId, actor, note, floor);
    }
}
