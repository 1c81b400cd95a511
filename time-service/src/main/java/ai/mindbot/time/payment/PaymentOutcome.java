package ai.mindbot.time.payment;

/** What the provider said about a payment it was asked to confirm. */
public sealed interface PaymentOutcome {

    String paymentIntentId();

    /** The money is taken: credit now. */
    record Succeeded(String paymentIntentId, String chargeId) implements PaymentOutcome {}

    /** Created for the buyer's browser to confirm with Stripe.js and the client secret; a webhook settles it. */
    record RequiresPaymentMethod(String paymentIntentId, String clientSecret) implements PaymentOutcome {}

    /** The customer must authenticate (3-D Secure) with the client secret; a webhook settles it. */
    record RequiresAction(String paymentIntentId, String clientSecret) implements PaymentOutcome {}

    /** Not decided yet; a webhook settles it. The client secret lets the buyer's browser follow it. */
    record Processing(String paymentIntentId, String clientSecret) implements PaymentOutcome {}

    /** Refused by the card issuer or the provider; the message is the provider's own. */
    record Declined(String paymentIntentId, String code, String declineCode, String message)
            implements PaymentOutcome {}
}
