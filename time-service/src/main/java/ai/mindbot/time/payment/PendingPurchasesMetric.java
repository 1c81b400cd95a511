package ai.mindbot.time.payment;

import ai.mindbot.time.WaitingWorkGauge;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code mindbot_purchases_pending_oldest_seconds}: how long the oldest purchase has waited for its
 * payment to settle. A healthy one settles within seconds (the confirm answer or Stripe's webhook);
 * one waiting for many minutes lost both and is stuck. Purchases waiting for 3-D Secure
 * (requires_action) wait on the buyer, not on us, so they are left out.
 */
@Component
class PendingPurchasesMetric extends WaitingWorkGauge {

    PendingPurchasesMetric(JdbcClient jdbc, Clock clock) {
        super("mindbot.purchases.pending.oldest", "Age of the oldest purchase awaiting its payment", """
                SELECT MIN(created_at) FROM purchases WHERE status IN ('created', 'unconfirmed', 'processing')""", jdbc, clock);
    }
}
