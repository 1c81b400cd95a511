package ai.mindbot.time.payment;

import ai.mindbot.time.catalog.TimePackage;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What {@code POST /time/purchase} answers, what the same Idempotency-Key replays and what
 * {@code GET /time/purchases/{id}} shows its buyer. {@code client_secret} is there while the buyer's
 * browser can still act on the PaymentIntent (not once it is credited). {@code simulated} is present
 * (true) only when the payment simulator took the "payment".
 */
public record PurchaseAnswer(
        String purchaseId,
        String status,
        String paymentIntentId,
        String clientSecret,
        @JsonProperty("package") TimePackage timePackage,
        Long secondsCredited,
        long balanceSeconds,
        Boolean simulated,
        String message) {

    static PurchaseAnswer of(Purchase purchase, TimePackage pkg, long balanceSeconds, boolean simulated) {
        String status = purchase.status().dbValue();
        boolean credited = purchase.credited();
        String message = switch (purchase.status()) {
            case REQUIRES_PAYMENT_METHOD ->
                "Confirm the payment in the browser with Stripe.js and the client_secret "
                        + "(stripe.confirmCardPayment); the time is added when the payment succeeds.";
            case REQUIRES_ACTION ->
                "The card needs authentication (3-D Secure): complete it with the client_secret; "
                        + "the time is added when the payment succeeds.";
            case PROCESSING -> "The payment is processing; the time is added when it succeeds.";
            default ->
                credited ? pkg.name() + " time card added: " + pkg.seconds() + " seconds." : "Payment " + status + ".";
        };
        if (simulated) {
            message = "SIMULATED PAYMENT, no money moved. " + message;
        }
        String clientSecret = !credited && purchase.status().openToBuyer() ? purchase.clientSecret() : null;
        return new PurchaseAnswer(
                purchase.id(),
                status,
                purchase.paymentIntentId(),
                clientSecret,
                pkg,
                credited ? pkg.seconds() : null,
                balanceSeconds,
                simulated ? Boolean.TRUE : null,
                message);
    }
}
