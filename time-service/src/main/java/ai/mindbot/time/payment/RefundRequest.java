package ai.mindbot.time.payment;

/** Give back {@code amountCents} of a payment; the key makes a repeated request refund once. */
public record RefundRequest(String purchaseId, String paymentIntentId, long amountCents, String idempotencyKey) {}
