package ai.mindbot.time.payment;

/**
 * Takes money for a purchase. Every call carries an idempotency key derived from our own ids, so
 * repeating a call (a retry after a timeout, a client replaying its request) never charges twice.
 * Implementations throw {@link PaymentsUnavailableException} when the provider cannot be reached
 * or answers with a server error: nothing was decided, and the same call may be repeated.
 */
public interface PaymentProvider {

    /** {@code stripe} or {@code simulated}, stored with each purchase and shown on /health. */
    String name();

    default boolean simulated() {
        return false;
    }

    /** Whether a payment can be created without a payment method and confirmed by the buyer's browser. */
    default boolean confirmsInBrowser() {
        return false;
    }

    /** Creates the provider's customer for a user; the key makes a repeat return the same customer. */
    String createCustomer(String userId, String email, String idempotencyKey);

    /**
     * Creates the payment for the purchase and confirms it with the request's payment method; without
     * one it leaves the payment for the buyer's browser to confirm (only where {@link #confirmsInBrowser()}).
     */
    PaymentOutcome pay(PaymentRequest request);

    /**
     * Asks what became of a purchase's payment: by its PaymentIntent id when the purchase has one;
     * otherwise among the customer's payments, by the purchase id in their metadata (the confirm
     * answer was lost before the id was stored). {@code customerId} is null when no customer was
     * ever stored for the user: then no payment was made.
     */
    PaymentLookup lookup(Purchase purchase, String customerId);

    /** Refunds part or all of a payment. */
    RefundOutcome refund(RefundRequest request);
}
