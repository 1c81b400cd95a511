package ai.mindbot.time.ledger;

/**
 * Told of every balance move inside the transaction that posts it, so whatever it writes commits
 * or rolls back with the entry (the low-balance notice uses this). Must not call out of process.
 */
public interface BalanceListener {

    void balanceMoved(BalanceMove move);

    /** One posted entry's effect on a balance. */
    record BalanceMove(String userId, long seconds, long balanceBefore, long balanceAfter) {

        public boolean crossedBelow(long threshold) {
            return balanceBefore >= threshold && balanceAfter < threshold;
        }
    }
}
