package ai.mindbot.time.balance;

import ai.mindbot.time.ledger.LedgerEntry;

/** A ledger entry as the API shows it: kinds in lower case, the time in epoch milliseconds like every API time. */
public record EntryView(
        long id,
        String userId,
        String kind,
        long seconds,
        long balanceAfter,
        String causeType,
        String causeId,
        Long correctsEntryId,
        String actor,
        String note,
        long createdAt) {

    public static EntryView of(LedgerEntry e) {
        return new EntryView(
                e.id(),
                e.userId(),
                e.kind().dbValue(),
                e.seconds(),
                e.balanceAfter(),
                e.causeType(),
                e.causeId(),
                e.correctsEntryId(),
                e.actor(),
                e.note(),
                e.createdAt());
    }
}
