package ai.mindbot.time.payment;

import java.util.Locale;

/**
 * Where a purchase stands. Whether it was credited is {@code succeeded_at IS NOT NULL}, not the
 * status: a refunded or disputed purchase was credited once and then taken back.
 */
public enum PurchaseStatus {
    /** Row written, provider not (yet) answered. */
    CREATED,
    /** The provider could not be reached; the same Idempotency-Key may drive it again. */
    UNCONFIRMED,
    REQUIRES_ACTION, PROCESSING, SUCCEEDED, FAILED,
    /** Fully refunded. */
    REFUNDED,
    /** Charged back by the card holder. */
    DISPUTED,
    /** A payment event did not match the purchase (amount or currency): not credited, needs a person. */
    REVIEW;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PurchaseStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
