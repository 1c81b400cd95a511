package ai.mindbot.time.payment.simulator;

import ai.mindbot.time.payment.InvalidPaymentMethodException;
import ai.mindbot.time.payment.PaymentLookup;
import ai.mindbot.time.payment.PaymentOutcome;
import ai.mindbot.time.payment.PaymentProvider;
import ai.mindbot.time.payment.PaymentRequest;
import ai.mindbot.time.payment.Purchase;
import ai.mindbot.time.payment.RefundOutcome;
import ai.mindbot.time.payment.RefundRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stands in for Stripe behind the same interface. Like Stripe, it is idempotent: ids are derived
 * from the idempotency key, so a repeated call returns the same PaymentIntent or refund. Like
 * Stripe, it remembers each PaymentIntent it answered ({@link SimulatedIntents}), so it can be
 * asked later what became of it; refunds it does not remember (the purchases table records them).
 */
public class SimulatedPaymentProvider implements PaymentProvider {

    private final SimulatedIntents intents;

    public SimulatedPaymentProvider(JdbcClient jdbc, Clock clock) {
        this.intents = new SimulatedIntents(jdbc, clock);
    }

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
                .orElseThrow(
                        () -> new InvalidPaymentMethodException(
                                "No such PaymentMethod: '"
                                        + request.paymentMethodId()
                                        + "' (the payment simulator knows Stripe's test methods such as "
                                        + "pm_card_visa, pm_card_chargeDeclined, pm_card_insufficientFunds, pm_card_authenticationRequired)"));
        String intentId = "pi_sim_" + digest(request.idempotencyKey());
        return switch (method.behaviour) {
            case SUCCEEDS -> {
                remember(request, intentId, "succeeded", chargeOf(intentId), null, null);
                yield new PaymentOutcome.Succeeded(intentId, chargeOf(intentId));
            }
            case DECLINES -> {
                remember(request, intentId, "requires_payment_method", null, method.declineCode, method.message);
                yield new PaymentOutcome.Declined(intentId, "card_declined", method.declineCode, method.message);
            }
            case REQUIRES_ACTION -> {
                remember(request, intentId, "requires_action", null, null, null);
                yield new PaymentOutcome.RequiresAction(intentId, intentId + "_secret_" + digest("secret:" + intentId));
            }
        };
    }

    private void remember(
            PaymentRequest request,
            String intentId,
            String status,
            String chargeId,
            String failureCode,
            String failureMessage) {
        intents.created(
                intentId,
                request.purchaseId(),
                status,
                request.amountCents(),
                request.currency(),
                chargeId,
                failureCode,
                failureMessage);
    }

    /**
     * The customer finished (or failed) 3-D Secure for a {@code requires_action} intent. As at
     * Stripe, the intent's state changes whether or not its webhook ever reaches the time service.
     */
    public boolean completeAuthentication(String paymentIntentId, boolean approved) {
        return intents.authenticated(paymentIntentId, approved, chargeOf(paymentIntentId));
    }

    @Override
    public PaymentLookup lookup(Purchase purchase, String customerId) {
        return (purchase.paymentIntentId() != null
                        ? intents.find(purchase.paymentIntentId())
                        : intents.findByPurchase(purchase.id()))
                .orElseGet(PaymentLookup.NotFound::new);
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
