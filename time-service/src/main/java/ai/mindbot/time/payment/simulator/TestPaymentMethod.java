package ai.mindbot.time.payment.simulator;

import java.util.Arrays;
import java.util.Optional;

/** Stripe's documented test payment methods, and how Stripe answers each one. */
enum TestPaymentMethod {
    VISA("pm_card_visa", Behaviour.SUCCEEDS, null, null),
    VISA_DEBIT("pm_card_visa_debit", Behaviour.SUCCEEDS, null, null),
    MASTERCARD("pm_card_mastercard", Behaviour.SUCCEEDS, null, null),
    AMEX("pm_card_amex", Behaviour.SUCCEEDS, null, null),
    CHARGE_DECLINED("pm_card_chargeDeclined", Behaviour.DECLINES, "generic_decline", "Your card was declined."),
    INSUFFICIENT_FUNDS(
            "pm_card_chargeDeclinedInsufficientFunds",
            Behaviour.DECLINES,
            "insufficient_funds",
            "Your card has insufficient funds."),
    INSUFFICIENT_FUNDS_SHORT(
            "pm_card_insufficientFunds", Behaviour.DECLINES, "insufficient_funds", "Your card has insufficient funds."),
    EXPIRED("pm_card_chargeDeclinedExpiredCard", Behaviour.DECLINES, "expired_card", "Your card has expired."),
    AUTHENTICATION_REQUIRED("pm_card_authenticationRequired", Behaviour.REQUIRES_ACTION, null, null);

    enum Behaviour {
        SUCCEEDS,
        DECLINES,
        REQUIRES_ACTION
    }

    final String id;
    final Behaviour behaviour;
    final String declineCode;
    final String message;

    TestPaymentMethod(String id, Behaviour behaviour, String declineCode, String message) {
        this.id = id;
        this.behaviour = behaviour;
        this.declineCode = declineCode;
        this.message = message;
    }

    static Optional<TestPaymentMethod> of(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
