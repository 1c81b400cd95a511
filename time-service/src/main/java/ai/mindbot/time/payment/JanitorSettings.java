package ai.mindbot.time.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The purchase janitor, from PURCHASE_JANITOR_SECONDS (how often it looks) and
 * PURCHASE_STUCK_SECONDS (how long a purchase waits for its answer or webhook before the janitor asks
 * the provider). The floor of two minutes keeps it away from purchases whose provider call may
 * still be running (connect and read timeouts, one retry, for the customer and the payment).
 */
@ConfigurationProperties("mindbot.payment.janitor")
record JanitorSettings(long periodSeconds, long stuckAfterSeconds) {

    static final long MIN_STUCK_AFTER_SECONDS = 120;

    public JanitorSettings {
        if (periodSeconds < 1) {
            throw new IllegalArgumentException("PURCHASE_JANITOR_SECONDS must be at least 1");
        }
        if (stuckAfterSeconds < MIN_STUCK_AFTER_SECONDS) {
            throw new IllegalArgumentException("PURCHASE_STUCK_SECONDS must be at least " + MIN_STUCK_AFTER_SECONDS
                    + ": a younger purchase may still be waiting for the provider's answer");
        }
    }

    Duration period() {
        return Duration.ofSeconds(periodSeconds);
    }

    Duration stuckAfter() {
        return Duration.ofSeconds(stuckAfterSeconds);
    }
}
