package ai.mindbot.time.payment;

/** The refund the provider made. */
public record RefundOutcome(String refundId, long amountCents, String status) {}
