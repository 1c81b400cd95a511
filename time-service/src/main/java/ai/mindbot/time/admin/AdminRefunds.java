package ai.mindbot.time.admin;

import ai.mindbot.common.web.ApiException;
import ai.mindbot.time.ledger.Accounts;
import ai.mindbot.time.payment.PaymentProvider;
import ai.mindbot.time.payment.PaymentSettlement;
import ai.mindbot.time.payment.Purchase;
import ai.mindbot.time.payment.Purchases;
import ai.mindbot.time.payment.RefundOutcome;
import ai.mindbot.time.payment.RefundRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Refunds a purchase through the provider and takes back the refunded share of its seconds. The
 * target is the cumulative refunded amount; it names both the provider's idempotency key and the
 * ledger cause, so a repeated click refunds once, and the {@code charge.refunded} webhook that
 * follows (which reports the same cumulative amount) takes nothing back a second time.
 */
@Service
class AdminRefunds {

    record Refunded(
            String purchaseId,
            String refundId,
            long amountCents,
            long refundedCents,
            long secondsTakenBack,
            long balanceSeconds,
            String status,
            Boolean simulated) {}

    private final Purchases purchases;
    private final PaymentProvider provider;
    private final PaymentSettlement settlement;
    private final Accounts accounts;

    AdminRefunds(Purchases purchases, PaymentProvider provider, PaymentSettlement settlement, Accounts accounts) {
        this.purchases = purchases;
        this.provider = provider;
        this.settlement = settlement;
        this.accounts = accounts;
    }

    Refunded refund(String actor, String purchaseId, Long requestedCents, String reason) {
        Purchase purchase =
                purchases.find(purchaseId).orElseThrow(() -> ApiException.notFound("purchase " + purchaseId));
        if (!purchase.credited() || purchase.paymentIntentId() == null) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "purchase_not_refundable",
                    "purchase " + purchaseId + " was never paid (status "
                            + purchase.status().dbValue() + ")");
        }
        long remaining = purchase.amountCents() - purchase.refundedCents();
        if (remaining <= 0) {
            throw new ApiException(
                    HttpStatus.CONFLICT, "already_refunded", "purchase " + purchaseId + " is fully refunded");
        }
        long amount = requestedCents == null ? remaining : requestedCents;
        if (amount > remaining) {
            throw ApiException.badRequest(
                    "refund_exceeds_remaining",
                    "at most " + remaining + " cents of purchase " + purchaseId + " can still be refunded");
        }
        long target = purchase.refundedCents() + amount;
        RefundOutcome refund = provider.refund(new RefundRequest(
                purchaseId, purchase.paymentIntentId(), amount, "mindbot-refund-" + purchaseId + "-to-" + target));
        PaymentSettlement.Settled settled = settlement.refund(
                purchaseId,
                target,
                null,
                actor,
                "admin refund " + refund.refundId() + " of " + amount + " cents: " + reason);
        return new Refunded(
                purchaseId,
                refund.refundId(),
                amount,
                settled.purchase().refundedCents(),
                -settled.seconds(),
                accounts.get(purchase.userId()).balanceSeconds(),
                settled.purchase().status().dbValue(),
                provider.simulated() ? Boolean.TRUE : null);
    }
}
