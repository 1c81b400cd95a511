package ai.mindbot.time.payment;

import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Settles purchases that heard nothing for PURCHASE_STUCK_SECONDS (processing, requires_action,
 * requires_payment_method, unconfirmed, or created and abandoned): a webhook that was lost, a
 * client that never came back to retry or to confirm. It asks the provider what became of each payment and settles the answer through the
 * webhook's own steps ({@link PaymentSettlement#credit}, {@link PaymentSettlement#fail}), so a
 * purchase is credited once whichever of the webhook, the confirm answer and the janitor comes
 * first (the ledger's unique cause key {@code payment_intent:<pi>} holds it). A payment still
 * pending at the provider, or a provider that cannot be reached, is asked again later: one
 * minute, then doubling, at most six hours apart. A recurring job (PURCHASE_JANITOR_SECONDS).
 */
@Component
class PurchaseJanitor {

    static final String SOURCE = "purchase_janitor";
    /** The failure code (and, replayed, the problem code) of a purchase whose payment never reached the provider. */
    static final String NOT_CHARGED = "not_charged";

    static final long FIRST_BACKOFF_MILLIS = 60_000;
    static final long MAX_BACKOFF_MILLIS = 6 * 3_600_000L;
    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(PurchaseJanitor.class);

    private final Purchases purchases;
    private final PaymentSettlement settlement;
    private final PaymentProvider provider;
    private final StripeCustomers customers;
    private final JanitorSettings settings;
    private final Clock clock;

    PurchaseJanitor(
            Purchases purchases,
            PaymentSettlement settlement,
            PaymentProvider provider,
            StripeCustomers customers,
            JanitorSettings settings,
            Clock clock) {
        this.purchases = purchases;
        this.settlement = settlement;
        this.provider = provider;
        this.customers = customers;
        this.settings = settings;
        this.clock = clock;
    }

    /** One round; how many purchases it settled (credited, failed, or sent to review), and logs each. */
    public int settleStuck() {
        long now = clock.millis();
        int settled = 0;
        // only the provider that took a payment can say what became of it (a simulated purchase
        // left over from before STRIPE_SECRET_KEY was set means nothing to Stripe)
        for (Purchase purchase :
                purchases.stuck(provider.name(), now - settings.stuckAfter().toMillis(), now, BATCH)) {
            try {
                settled += settle(purchase) ? 1 : 0;
            } catch (PaymentsUnavailableException e) {
                lookAgainLater(purchase, "the payment provider could not be reached");
            } catch (RuntimeException e) {
                log.warn("purchase janitor: could not settle {}; will retry", purchase.id(), e);
                lookAgainLater(purchase, e.toString());
            }
        }
        return settled;
    }

    private boolean settle(Purchase purchase) {
        String customer = purchase.paymentIntentId() == null ? customers.stored(purchase.userId()) : null;
        PaymentLookup found = provider.lookup(purchase, customer);
        if (found instanceof PaymentLookup.Succeeded paid) {
            PaymentSettlement.Settled settled = settlement.credit(
                    purchase.id(),
                    paid.paymentIntentId(),
                    paid.chargeId(),
                    new PaidAmount.Reported(paid.amountCents(), paid.currency()),
                    SOURCE);
            if (settled.effect() == PaymentSettlement.Effect.ALREADY_CREDITED) {
                return false; // its webhook or the client's retry came first, just now
            }
            log.info(
                    "purchase janitor: {} ({}, user {}) succeeded at the provider ({}) and no word of it reached us: "
                            + "{}, {} s",
                    purchase.id(),
                    purchase.status().dbValue(),
                    purchase.userId(),
                    paid.paymentIntentId(),
                    settled.effect().name().toLowerCase(Locale.ROOT),
                    settled.seconds());
            return true;
        }
        if (found instanceof PaymentLookup.Failed failed) {
            purchases.attachPaymentIntent(purchase.id(), failed.paymentIntentId());
            boolean marked = settlement.fail(purchase.id(), failed.code(), failed.message());
            log.info(
                    "purchase janitor: {} ({}, user {}) failed at the provider ({}: {}): {}",
                    purchase.id(),
                    purchase.status().dbValue(),
                    purchase.userId(),
                    failed.paymentIntentId(),
                    failed.code(),
                    marked ? "marked failed" : "already credited, left as it is");
            return marked;
        }
        if (found instanceof PaymentLookup.Pending pending) {
            purchases.attachPaymentIntent(purchase.id(), pending.paymentIntentId());
            lookAgainLater(purchase, "still " + pending.status() + " at the provider");
            return false;
        }
        if (purchase.paymentIntentId() == null) {
            boolean marked = purchases.markNotCharged(
                    purchase,
                    "the payment never reached the payment provider; "
                            + "nothing was charged. Buy again with a new Idempotency-Key.");
            if (marked) {
                log.info(
                        "purchase janitor: {} ({}, user {}) never reached the provider: marked failed, not charged",
                        purchase.id(),
                        purchase.status().dbValue(),
                        purchase.userId());
            }
            return marked;
        }
        log.warn(
                "purchase janitor: the provider does not know {}'s PaymentIntent {}",
                purchase.id(),
                purchase.paymentIntentId());
        lookAgainLater(purchase, "PaymentIntent unknown to the provider");
        return false;
    }

    private void lookAgainLater(Purchase purchase, String why) {
        int checks = purchases.janitorChecks(purchase.id());
        long wait = backoffMillis(checks + 1);
        purchases.lookAgainAt(purchase.id(), clock.millis() + wait);
        log.debug("purchase janitor: {} {}; asking again in {} s", purchase.id(), why, wait / 1000);
    }

    /** One minute after the first look, doubling, never more than six hours. */
    static long backoffMillis(int checks) {
        int doublings = Math.min(Math.max(checks - 1, 0), 20);
        return Math.min(FIRST_BACKOFF_MILLIS << doublings, MAX_BACKOFF_MILLIS);
    }
}
