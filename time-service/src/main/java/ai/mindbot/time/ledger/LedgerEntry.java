package ai.mindbot.time.ledger;

/** A posted entry, as stored. */
public record LedgerEntry(
        long id,
        String userId,
        EntryKind kind,
        long seconds,
        String causeType,
        String causeId,
        Long correctsEntryId,
        long balanceAfter,
        String actor,
        String note,
        long createdAt) {}
