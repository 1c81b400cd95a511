package ai.mindbot.admin.analytics;

import java.util.List;

/**
 * Money taken over a window, net of refunds (which are also shown). Amounts are integer cents;
 * {@code avg_transaction_cents} is the net total divided by the paid purchases, rounded down.
 */
record RevenueReport(
        int days,
        String currency,
        long totalRevenueCents,
        long grossRevenueCents,
        long refundedCents,
        long refundedTransactions,
        long totalTransactions,
        long avgTransactionCents,
        List<Day> dailyRevenue,
        List<PackageStat> packageStats) {

    public record Day(String date, long revenueCents, long grossCents, long refundedCents, long transactions) {}

    public record PackageStat(
            String packageId,
            long transactions,
            long revenueCents,
            long grossCents,
            long refundedCents,
            long secondsSold) {}
}
