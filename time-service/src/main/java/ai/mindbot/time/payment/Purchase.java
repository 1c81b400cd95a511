package ai.mindbot.time.payment;

/** A purchase row as stored. Money in cents, time in seconds, timestamps in epoch milliseconds. */
public record Purchase(
        String id,
        String userId,
        String packageId,
        long seconds,
        long amountCents,
        String currency,
        PurchaseStatus status,
        String provider,
        String paymentIntentId,
        String idempotencyKey,
        String requestHash,
        String clientSecret,
        long refundedCents,
        long takenBackSeconds,
        String chargeId,
        String failureCode,
        String failureMessage,
        String responseBody,
        long createdAt,
        long updatedAt,
        Long succeededAt) {

    public boolean credited() {
        return succeededAt != null;
    }

    /** Seconds a cumulative refund of {@code refundedCents} takes back: the refunded share, rounded down. */
    public long secondsForRefund(long cumulativeRefundedCents) {
        long cents = Math.min(cumulativeRefundedCents, amountCents);
        return Math.multiplyExact(seconds, cents) / amountCents;
    }
}
