package ai.mindbot.time.payment;

/**
 * What to charge for one purchase, and the idempotency key the provider must be given. Without a
 * {@code paymentMethodId} the payment is only created, for the buyer's browser to confirm.
 */
public record PaymentRequest(
        String purchaseId,
        String userId,
        String packageId,
        String customerId,
        String paymentMethodId,
        long amountCents,
        String currency) {

    /** Derived from the purchase id: a retried purchase reaches the same PaymentIntent. */
    public String idempotencyKey() {
        return "mindbot-purchase-" + purchaseId;
    }
}
