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
    /**
     * The PaymentIntent exists but has no card yet: the buyer's browser confirms it with Stripe.js and
     * the client secret (a purchase made without a payment method, Stripe only).
     */
    REQUIRES_PAYMENT_METHOD,
    REQUIRES_ACTION, PROCESSING, SUCCEEDED, FAILED,
    /** Fully refunded. */
    REFUNDED,
    /** Charged back by the card holder. */
    DISPUTED,
    /** A payment event did not match the purchase (amount or currency): not credited, needs a person. */
    REVIEW;

    /**
     * Whether the buyer's browser may still act on the PaymentIntent with its client secret: confirm
     * it, complete 3-D Secure, watch it process, or try another card after a decline (Stripe lets a
     * failed PaymentIntent be confirmed again). Asked only of purchases not credited.
     */
    public boolean openToBuyer() {
        return this == REQUIRES_PAYMENT_METHOD || this == REQUIRES_ACTION || this == PROCESSING || this == FAILED;
    }

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PurchaseStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
