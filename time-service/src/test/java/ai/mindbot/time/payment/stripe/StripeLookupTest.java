package ai.mindbot.time.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.time.payment.PaymentLookup;
import com.stripe.model.PaymentIntent;
import com.stripe.net.ApiResource;
import org.junit.jupiter.api.Test;

/**
 * How the janitor reads a PaymentIntent Stripe returns, from JSON shaped like Stripe's (parsed by
 * stripe-java itself): only success, a decline and a cancellation are final.
 */
class StripeLookupTest {

    static PaymentIntent intent(String fields) {
        return ApiResource.GSON.fromJson(
                "{\"id\": \"pi_1\", \"object\": \"payment_intent\", \"amount\": 999, " + "\"currency\": \"usd\", "
                        + fields + "}",
                PaymentIntent.class);
    }

    @Test
    void aSucceededIntentIsCreditedForWhatWasReceived() {
        PaymentLookup found = StripePaymentProvider.lookupOf(
                intent("\"status\": \"succeeded\", \"amount_received\": 999, \"latest_charge\": \"ch_1\""));

        assertThat(found).isEqualTo(new PaymentLookup.Succeeded("pi_1", "ch_1", 999, "usd"));
    }

    @Test
    void aDeclineOrACancellationIsAFailure() {
        assertThat(
                        StripePaymentProvider.lookupOf(
                                intent(
                                        "\"status\": \"requires_payment_method\", "
                                                + "\"last_payment_error\": {\"type\": \"card_error\", \"code\": \"card_declined\", "
                                                + "\"decline_code\": \"insufficient_funds\", \"message\": \"Your card has insufficient funds.\"}")))
                .isEqualTo(new PaymentLookup.Failed("pi_1", "insufficient_funds", "Your card has insufficient funds."));
        assertThat(StripePaymentProvider.lookupOf(
                        intent("\"status\": \"canceled\", \"cancellation_reason\": \"abandoned\"")))
                .isEqualTo(new PaymentLookup.Failed("pi_1", "canceled", "the payment was canceled (abandoned)"));
    }

    @Test
    void anythingElseIsStillPending() {
        for (String status :
                new String[] {"processing", "requires_action", "requires_confirmation", "requires_capture"}) {
            assertThat(StripePaymentProvider.lookupOf(intent("\"status\": \"" + status + "\"")))
                    .isEqualTo(new PaymentLookup.Pending("pi_1", status));
        }
        // stripe-mock's fixture: no payment method yet, and no decline on it
        assertThat(StripePaymentProvider.lookupOf(intent("\"status\": \"requires_payment_method\", "
                        + "\"last_payment_error\": {\"type\": \"idempotency_error\"}")))
                .isEqualTo(new PaymentLookup.Pending("pi_1", "requires_payment_method"));
    }
}
