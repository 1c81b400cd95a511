package ai.mindbot.time.payment;

import java.sql.Types;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one verified Stripe event. The event id is claimed in {@code stripe_events} in the same
 * transaction as its effect: a duplicate delivery finds it claimed and does nothing, and a failure
 * rolls back both, so Stripe's retry is processed again (never counted zero times).
 */
@Service
public class StripeEventHandler {

    /** What happened to an event, for the 2xx answer and the log. */
    public record Handled(String outcome, String purchaseId) {}

    private static final Logger log = LoggerFactory.getLogger(StripeEventHandler.class);

    private final JdbcClient jdbc;
    private final Purchases purchases;
    private final PaymentSettlement settlement;
    private final Clock clock;

    StripeEventHandler(JdbcClient jdbc, Purchases purchases, PaymentSettlement settlement, Clock clock) {
        this.jdbc = jdbc;
        this.purchases = purchases;
        this.settlement = settlement;
        this.clock = clock;
    }

    @Transactional
    public Handled handle(StripeEvent event) {
        String intentId =
                "payment_intent.".equals(prefix(event.type())) ? event.text("id") : event.text("payment_intent");
        boolean fresh = !jdbc.sql("""
                INSERT INTO stripe_events (event_id, type, payment_intent_id, received_at)
                VALUES (:id, :type, :pi, :now) ON CONFLICT (event_id) DO NOTHING RETURNING event_id""")
                .param("id", event.id())
                .param("type", event.type())
                .param("pi", intentId, Types.VARCHAR)
                .param("now", clock.millis())
                .query(String.class)
                .list()
                .isEmpty();
        if (!fresh) {
            return new Handled("duplicate", null);
        }
        return switch (event.type()) {
            case "payment_intent.succeeded" -> succeeded(event);
            case "payment_intent.payment_failed" -> failed(event);
            case "charge.refunded" -> refunded(event);
            case "charge.dispute.created" -> disputed(event);
            default -> new Handled("ignored", null);
        };
    }

    private Handled succeeded(StripeEvent event) {
        Optional<Purchase> purchase = match(event.text("id"), event.metadata("purchase_id"), null);
        if (purchase.isEmpty()) {
            return unmatched(event);
        }
        Long amount = event.number("amount_received") != null && event.number("amount_received") > 0
                ? event.number("amount_received")
                : event.number("amount");
        PaymentSettlement.Settled settled = settlement.credit(
                purchase.get().id(),
                event.text("id"),
                event.text("latest_charge"),
                PaidAmount.reported(amount, event.text("currency")),
                "stripe_webhook");
        return new Handled(
                settled.effect().name().toLowerCase(Locale.ROOT), purchase.get().id());
    }

    private Handled failed(StripeEvent event) {
        Optional<Purchase> purchase = match(event.text("id"), event.metadata("purchase_id"), null);
        if (purchase.isEmpty()) {
            return unmatched(event);
        }
        String code = Optional.ofNullable(event.nested("last_payment_error", "decline_code"))
                .orElse(event.nested("last_payment_error", "code"));
        boolean marked = settlement.fail(purchase.get().id(), code, event.nested("last_payment_error", "message"));
        return new Handled(
                marked ? "marked_failed" : "already_credited", purchase.get().id());
    }

    private Handled refunded(StripeEvent event) {
        Optional<Purchase> purchase = match(event.text("payment_intent"), null, event.text("id"));
        if (purchase.isEmpty()) {
            return unmatched(event);
        }
        if (!matchesAmount(purchase.get(), event.number("amount"), event.text("currency"), event)) {
            return new Handled("mismatch", purchase.get().id());
        }
        Long refunded = event.number("amount_refunded");
        PaymentSettlement.Settled settled = settlement.refund(
                purchase.get().id(),
                refunded == null ? 0 : refunded,
                event.text("id"),
                "stripe_webhook",
                "charge " + event.text("id") + " refunded (event " + event.id() + ")");
        return new Handled(
                settled.effect().name().toLowerCase(Locale.ROOT), purchase.get().id());
    }

    private Handled disputed(StripeEvent event) {
        Optional<Purchase> purchase = match(event.text("payment_intent"), null, event.text("charge"));
        if (purchase.isEmpty()) {
            return unmatched(event);
        }
        PaymentSettlement.Settled settled =
                settlement.dispute(purchase.get().id(), event.text("id"), event.text("charge"), event.text("reason"));
        return new Handled(
                "disputed_" + settled.effect().name().toLowerCase(Locale.ROOT),
                purchase.get().id());
    }

    /**
     * By PaymentIntent id; else by our purchase id in the metadata (the confirm answer was lost
     * before we stored the intent id), attaching the intent; else by charge id.
     */
    private Optional<Purchase> match(String intentId, String purchaseId, String chargeId) {
        if (intentId != null) {
            Optional<Purchase> byIntent = purchases.findByPaymentIntent(intentId);
            if (byIntent.isPresent()) {
                return byIntent;
            }
        }
        if (purchaseId != null && intentId != null) {
            Optional<Purchase> byId = purchases.find(purchaseId).filter(p -> p.paymentIntentId() == null);
            if (byId.isPresent()) {
                purchases.attachPaymentIntent(purchaseId, intentId);
                return purchases.find(purchaseId);
            }
        }
        return chargeId == null
                ? Optional.empty()
                : purchases.findByCharge(chargeId).filter(p -> p.paymentIntentId() != null);
    }

    private boolean matchesAmount(Purchase purchase, Long amount, String currency, StripeEvent event) {
        if (amount != null
                && amount == purchase.amountCents()
                && purchase.currency().equalsIgnoreCase(currency)) {
            return true;
        }
        log.error(
                "payments: {} {} is for {} {} but purchase {} cost {} {}: ignored",
                event.type(),
                event.id(),
                amount,
                currency,
                purchase.id(),
                purchase.amountCents(),
                purchase.currency());
        purchases.markReview(
                purchase.id(),
                "amount_mismatch",
                event.type() + " " + event.id() + " is for " + amount + " " + currency);
        return false;
    }

    private static Handled unmatched(StripeEvent event) {
        log.warn("payments: {} {} matches no purchase: ignored", event.type(), event.id());
        return new Handled("unmatched", null);
    }

    private static String prefix(String type) {
        int dot = type.indexOf('.');
        return dot < 0 ? type : type.substring(0, dot + 1);
    }
}
