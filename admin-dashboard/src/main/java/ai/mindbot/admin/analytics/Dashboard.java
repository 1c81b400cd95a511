package ai.mindbot.admin.analytics;

import ai.mindbot.admin.reports.PurchaseRecord;
import ai.mindbot.admin.reports.SessionRecord;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** The overview an admin opens first. Money in cents; times in epoch milliseconds. */
record Dashboard(
        long usersTotal,
        long revenueTodayCents,
        @JsonProperty("revenue_30d_cents") long revenue30dCents,
        @JsonProperty("transactions_30d") long transactions30d,
        @JsonProperty("refunded_30d_cents") long refunded30dCents,
        long liveSessions,
        @JsonProperty("active_users_30d") long activeUsers30d,
        long secondsUsedToday,
        BigDecimal hoursUsedToday,
        List<SessionRecord> live,
        List<PurchaseRecord> recentPurchases,
        List<SessionRecord> recentSessions,
        List<Alert> alerts,
        long generatedAt) {

    /** Something that may need an admin: a failed payment, a refund, a disputed (flagged) account. */
    public record Alert(String kind, String message, String userId, String ref, Long at) {}
}
