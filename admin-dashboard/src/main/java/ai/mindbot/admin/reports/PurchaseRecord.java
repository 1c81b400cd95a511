package ai.mindbot.admin.reports;

import org.springframework.jdbc.core.RowMapper;

/** A purchase as the admin sees it ({@code time_report_purchases_v1}); amounts in cents, times in epoch milliseconds. */
public record PurchaseRecord(
        String id,
        String userId,
        String packageId,
        long seconds,
        long amountCents,
        long refundedCents,
        String currency,
        String status,
        String provider,
        String paymentIntentId,
        String failureCode,
        long createdAt,
        Long succeededAt) {

    static final String COLUMNS = """
            id, user_id, package_id, seconds, amount_cents, refunded_cents, currency, status, provider,
            payment_intent_id, failure_code, created_at, succeeded_at""";

    static final RowMapper<PurchaseRecord> MAPPER = (rs, n) -> new PurchaseRecord(
            rs.getString("id"),
            rs.getString("user_id"),
            rs.getString("package_id"),
            rs.getLong("seconds"),
            rs.getLong("amount_cents"),
            rs.getLong("refunded_cents"),
            rs.getString("currency"),
            rs.getString("status"),
            rs.getString("provider"),
            rs.getString("payment_intent_id"),
            rs.getString("failure_code"),
            rs.getLong("created_at"),
            rs.getObject("succeeded_at") == null ? null : rs.getLong("succeeded_at"));
}
