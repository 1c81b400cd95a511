package ai.mindbot.time.payment;

/** What the provider says now about a purchase's payment, when the purchase janitor asks. */
public sealed interface PaymentLookup {

    /** The money is taken: credit, if the amount is the purchase's. */
    record Succeeded(String paymentIntentId, String chargeId, long amountCents, String currency)
            implements PaymentLookup {}

    /** Declined or canceled: it will not succeed any more. */
    record Failed(String paymentIntentId, String code, String message) implements PaymentLookup {}

    /** Not decided yet (the customer has not authenticated, the bank is still processing). */
    record Pending(String paymentIntentId, String status) implements PaymentLookup {}

    /** The provider has no payment for this purchase: the request never reached it, nothing was charged. */
    record NotFound() implements PaymentLookup {}
}
