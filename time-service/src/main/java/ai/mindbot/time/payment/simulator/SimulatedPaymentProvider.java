package ai.mindbot.time.payment.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import ai.mindbot.time.payment.InvalidPaymentMethodException;
import ai.mindbot.time.payment.PaymentOutcome;
import ai.mindbot.time.payment.PaymentProvider;
import ai.mindbot.time.payment.PaymentRequest;
import ai.mindbot.time.payment.RefundOutcome;
import ai.mindbot.time.payment.RefundRequest;

/**
 * Stands in for Stripe behind the same interface. Like Stripe, it is idempotent: ids are derived
 * from the idempotency key, so a repeated call returns the same PaymentIntent or refund. It keeps
 * no state; the purchases table is the record of what was paid and refunded.
 */
public class SimulatedPaymentProvider implements PaymentProvider {

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public boolean simulated() {
        return true;
    }

    @Override
    public String createCustomer(String userId, String email, String idempotencyKey) {
        return "cus_sim_" + digest(idempotencyKey);
    }

    @Override
    public PaymentOutcome pay(PaymentRequest request) {
        TestPaymentMethod method = TestPaymentMethod.of(request.paymentMethodId())
                .orElseThrow(() -> new InvalidPaymentMethodException("No such PaymentMethod: '"
                        + request.paymentMethodId() + "' (the payment simulator knows Stripe's test methods such as "
                        + "pm_card_visa, pm_card_chargeDeclined, pm_card_insufficientFunds, pm_card_authenticationRequired)"));
        String intentId = "pi_sim_" + digest(request.idempotencyKey());
        return switch (method.behaviour) {
            case SUCCEEDS -> new PaymentOutcome.Succeeded(intentId, "ch_sim_" + digest(intentId));
            case DECLINES -> new PaymentOutcome.Declined(intentId, "card_declined", method.declineCode, method.message);
            case REQUIRES_ACTION -> new PaymentOutcome.RequiresAction(intentId,
                    intentId + "_secret_" + digest("secret:" + intentId));
        };
    }

    @Override
    public RefundOutcome refund(RefundRequest request) {
        return new RefundOutcome("re_sim_" + digest(request.idempotencyKey()), request.amountCents(), "succeeded");
    }

    /** The charge id the simulator gives a payment intent (what its charge events name). */
    public static String chargeOf(String paymentIntentId) {
        return "ch_sim_" + digest(paymentIntentId);
    }

    private static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
