package ai.mindbot.admin.analytics;

import org.springframework.jdbc.core.RowMapper;

/** Paid purchases of one UTC day, package and currency: the grain of revenue, live or rolled up. */
record RevenueRow(
        long day,
        String packageId,
        String currency,
        long transactions,
        long grossCents,
        long refundedCents,
        long refundedTransactions,
        long seconds) {

    /** Paid purchases (succeeded_at set) made in [:from, :to), by day of created_at. */
    static final String SELECT_BY_DAY = """
            SELECT created_at / 86400000 AS day, package_id, currency,
                   COUNT(*) AS transactions,
                   SUM(amount_cents) AS gross_cents,
                   SUM(refunded_cents) AS refunded_cents,
                   SUM(CASE WHEN refunded_cents > 0 THEN 1 ELSE 0 END) AS refunded_transactions,
                   SUM(seconds) AS seconds
            FROM time_report_purchases_v1
            WHERE created_at >= :from AND created_at < :to AND succeeded_at IS NOT NULL
            GROUP BY created_at / 86400000, package_id, currency
            """;

    static final RowMapper<RevenueRow> MAPPER = (rs, n) -> new RevenueRow(
            rs.getLong("day"),
            rs.getString("package_id"),
            rs.getString("currency"),
            rs.getLong("transactions"),
            rs.getLong("gross_cents"),
            rs.getLong("refunded_cents"),
            rs.getLong("refunded_transactions"),
            rs.getLong("seconds"));
}
