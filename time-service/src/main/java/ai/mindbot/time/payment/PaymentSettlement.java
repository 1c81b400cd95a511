package ai.mindbot.time.payment;

import ai.mindbot.time.ledger.Accounts;
import ai.mindbot.time.ledger.Cause;
import ai.mindbot.time.ledger.EntryKind;
import ai.mindbot.time.ledger.Ledger;
import ai.mindbot.time.ledger.NewEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns payment facts into ledger entries, each exactly once, whatever their order or number:
 * the purchase row is locked first, its state moves only forward, and each entry's cause is
 * unique in the ledger. Credits: {@code Cause.paymentIntent(pi)}. Refunds take back the refunded
 * share of the purchase's seconds, cumulatively (only the part not taken back before). A dispute
 * takes back whatever is left. Take-backs have no floor: a user who already spent the time goes
 * into debt, which the next purchase repays (docs/payments.md).
 */
@Service
public class PaymentSettlement {

    /** What a settlement step did. */
    public enum Effect {
        CREDITED,
        ALREADY_CREDITED,
        MISMATCH,
        TAKEN_BACK,
        NOTHING_TO_TAKE_BACK
    }

    /** The effect, the seconds it moved (signed) and the purchase after it. */
    public record Settled(Effect effect, long seconds, Purchase purchase) {}

    private static final Logger log = LoggerFactory.getLogger(PaymentSettlement.class);

    private final Purchases purchases;
    private final Ledger ledger;
    private final Accounts accounts;

    PaymentSettlement(Purchases purchases, Ledger ledger, Accounts accounts) {
        this.purchases = purchases;
        this.ledger = ledger;
        this.accounts = accounts;
    }

    /**
     * Credits the purchase's seconds once, if what was {@code paid} is its price (or the confirm call
     * answered our own request); a mismatch, or a payment event that states no amount, is not
     * credited, it is marked for review.
     */
    @Transactional
    public Settled credit(String purchaseId, String paymentIntentId, String chargeId, PaidAmount paid, String source) {
        Purchase purchase = locked(purchaseId);
        String mismatch = mismatch(purchase, paid);
        if (mismatch != null) {
            String why = "payment " + paymentIntentId + " is " + mismatch + " but purchase " + purchaseId + " costs "
                    + purchase.amountCents() + " " + purchase.currency();
            log.error("payments: NOT CREDITED, amount mismatch: {}", why);
            purchases.markReview(purchaseId, "amount_mismatch", why);
            return new Settled(Effect.MISMATCH, 0, purchases.find(purchaseId).orElseThrow());
        }
        return creditLocked(purchase, paymentIntentId, chargeId, source);
    }

    /** What the payment says it is, when that is not the purchase's price; null when it may be credited. */
    private static String mismatch(Purchase purchase, PaidAmount paid) {
        if (paid instanceof PaidAmount.Reported reported) {
            boolean matches = reported.cents() == purchase.amountCents()
                    && reported.currency() != null
                    && purchase.currency().equalsIgnoreCase(reported.currency());
            return matches ? null : reported.cents() + " " + reported.currency();
        }
        if (paid instanceof PaidAmount.Unstated unstated) {
            return "of no stated amount (" + unstated.currency() + ")";
        }
        return null; // as requested
    }

    /** The payment was declined or canceled: failed, unless it was credited (a late failure never undoes a success). */
    public boolean fail(String purchaseId, String code, String message) {
        return purchases.markFailed(purchaseId, code, message);
    }

    /** A refund reached {@code cumulativeRefundedCents} in total: take back the share not taken back yet. */
    @Transactional
    public Settled refund(String purchaseId, long cumulativeRefundedCents, String chargeId, String actor, String note) {
        Purchase purchase = creditedFirst(purchaseId, chargeId, "refund");
        long refunded = Math.max(purchase.refundedCents(), Math.min(cumulativeRefundedCents, purchase.amountCents()));
        long takenBack = Math.max(purchase.takenBackSeconds(), purchase.secondsForRefund(refunded));
        long delta = takenBack - purchase.takenBackSeconds();
        PurchaseStatus status = purchase.status() == PurchaseStatus.DISPUTED
                ? PurchaseStatus.DISPUTED
                : refunded >= purchase.amountCents() ? PurchaseStatus.REFUNDED : PurchaseStatus.SUCCEEDED;
        purchases.recordTakeBack(purchaseId, refunded, takenBack, status, chargeId);
        if (delta == 0) {
            return new Settled(
                    Effect.NOTHING_TO_TAKE_BACK, 0, purchases.find(purchaseId).orElseThrow());
        }
        String intent = purchase.paymentIntentId();
        ledger.post(correctingCredit(
                NewEntry.of(
                                purchase.userId(),
                                EntryKind.REFUND_DEBIT,
                                -delta,
                                Cause.refund(intent + ":refunded_to:" + refunded))
                        .withActor(
                                actor,
                                note + "; " + refunded + " of " + purchase.amountCents() + " cents refunded in total"),
                intent));
        return new Settled(Effect.TAKEN_BACK, -delta, purchases.find(purchaseId).orElseThrow());
    }

    /** The card holder disputed the charge: flag the account and take back what is left of the purchase. */
    @Transactional
    public Settled dispute(String purchaseId, String disputeId, String chargeId, String reason) {
        Purchase purchase = creditedFirst(purchaseId, chargeId, "dispute");
        if (purchase.status() == PurchaseStatus.DISPUTED) { // the same dispute told again
            return new Settled(Effect.NOTHING_TO_TAKE_BACK, 0, purchase);
        }
        long delta = purchase.seconds() - purchase.takenBackSeconds();
        purchases.recordTakeBack(
                purchaseId, purchase.refundedCents(), purchase.seconds(), PurchaseStatus.DISPUTED, chargeId);
        accounts.flag(
                purchase.userId(),
                "dispute " + disputeId + " on purchase " + purchaseId + (reason == null ? "" : " (" + reason + ")"));
        if (delta == 0) {
            return new Settled(
                    Effect.NOTHING_TO_TAKE_BACK, 0, purchases.find(purchaseId).orElseThrow());
        }
        ledger.post(correctingCredit(
                NewEntry.of(purchase.userId(), EntryKind.DISPUTE_DEBIT, -delta, Cause.dispute(disputeId))
                        .withActor("stripe", "charge disputed" + (reason == null ? "" : ": " + reason)),
                purchase.paymentIntentId()));
        return new Settled(Effect.TAKEN_BACK, -delta, purchases.find(purchaseId).orElseThrow());
    }

    /**
     * A refund or dispute proves the charge succeeded; if its success was not seen yet (events out of
     * order), credit first so the take-back has something to take back from.
     */
    private Purchase creditedFirst(String purchaseId, String chargeId, String source) {
        Purchase purchase = locked(purchaseId);
        if (!purchase.credited()) {
            creditLocked(purchase, purchase.paymentIntentId(), chargeId, source);
            purchase = purchases.find(purchaseId).orElseThrow();
        }
        return purchase;
    }

    private Settled creditLocked(Purchase purchase, String paymentIntentId, String chargeId, String source) {
        String intent = purchase.paymentIntentId() != null ? purchase.paymentIntentId() : paymentIntentId;
        if (!purchases.markSucceeded(purchase.id(), intent, chargeId)) {
            return new Settled(Effect.ALREADY_CREDITED, 0, purchase);
        }
        ledger.post(NewEntry.of(
                        purchase.userId(), EntryKind.PURCHASE_CREDIT, purchase.seconds(), Cause.paymentIntent(intent))
                .withActor(source, "time card " + purchase.packageId() + " (purchase " + purchase.id() + ")"));
        return new Settled(
                Effect.CREDITED,
                purchase.seconds(),
                purchases.find(purchase.id()).orElseThrow());
    }

    private Purchase locked(String purchaseId) {
        return purchases
                .lock(purchaseId)
                .orElseThrow(() -> new IllegalStateException("purchase " + purchaseId + " does not exist"));
    }

    /** Links a take-back to the credit it corrects. */
    private NewEntry correctingCredit(NewEntry takeBack, String paymentIntentId) {
        return ledger.entryId(EntryKind.PURCHASE_CREDIT, Cause.paymentIntent(paymentIntentId))
                .map(takeBack::correcting)
                .orElse(takeBack);
    }
}
