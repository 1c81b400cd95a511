package ai.mindbot.admin.analytics;

/** Paid purchases summed over some grain (a day, a package, the window); cents and seconds are exact. */
record RevenueTotals(long transactions, long grossCents, long refundedCents, long refundedTransactions, long seconds) {

    static final RevenueTotals NONE = new RevenueTotals(0, 0, 0, 0, 0);

    static RevenueTotals of(RevenueRow row) {
        return new RevenueTotals(
                row.transactions(), row.grossCents(), row.refundedCents(), row.refundedTransactions(), row.seconds());
    }

    RevenueTotals plus(RevenueTotals other) {
        return new RevenueTotals(
                transactions + other.transactions,
                grossCents + other.grossCents,
                refundedCents + other.refundedCents,
                refundedTransactions + other.refundedTransactions,
                seconds + other.seconds);
    }

    long netCents() {
        return grossCents - refundedCents;
    }
}
