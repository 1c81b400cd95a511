package ai.mindbot.time.payment;

import ai.mindbot.common.security.Caller;
import ai.mindbot.common.web.ApiException;
import ai.mindbot.common.web.SharedProblems;
import ai.mindbot.time.catalog.Catalog;
import ai.mindbot.time.catalog.TimePackage;
import ai.mindbot.time.ledger.Accounts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Buys a time card: write the purchase, have the provider create and confirm the payment, settle
 * what it answered. Without a payment method (Stripe only) the payment is only created and its
 * client secret answered, for the buyer's browser to confirm with Stripe.js; the webhook settles it.
 * The provider is called outside any database transaction; what makes a retry safe is the
 * idempotency key, ours (purchases.idempotency_key, unique per user) and Stripe's (derived from the
 * purchase id).
 */
@Service
public class PurchaseService {

    /** The answer as JSON (exactly what a replay returns) and whether this was a replay. */
    public record Result(String json, boolean replayed) {}

    /** A purchase row with no answer this long after its last touch is taken as abandoned (a crash). */
    private static final long IN_FLIGHT_MILLIS = 60_000;

    private final Catalog catalog;
    private final Purchases purchases;
    private final PaymentSettlement settlement;
    private final PaymentProvider provider;
    private final StripeCustomers customers;
    private final Accounts accounts;
    private final JsonMapper json;
    private final Clock clock;

    PurchaseService(
            Catalog catalog,
            Purchases purchases,
            PaymentSettlement settlement,
            PaymentProvider provider,
            StripeCustomers customers,
            Accounts accounts,
            JsonMapper json,
            Clock clock) {
        this.catalog = catalog;
        this.purchases = purchases;
        this.settlement = settlement;
        this.provider = provider;
        this.customers = customers;
        this.accounts = accounts;
        this.json = json;
        this.clock = clock;
    }

    public Result purchase(Caller caller, String packageId, String paymentMethodId, String idempotencyKey) {
        TimePackage pkg = catalog.require(packageId);
        if (paymentMethodId == null && !provider.confirmsInBrowser()) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "validation_failed",
                    "the request body has invalid fields",
                    Map.of(
                            "errors",
                            List.of(Map.of(
                                    "field",
                                    "payment_method_id",
                                    "message",
                                    "is required: payments are simulated, so no browser can confirm a payment"))));
        }
        if (accounts.get(caller.userId()).disabled()) {
            throw SharedProblems.accountDisabled();
        }
        String hash = requestHash(pkg.id(), paymentMethodId);
        if (idempotencyKey != null) {
            var earlier = purchases.findByKey(caller.userId(), idempotencyKey);
            if (earlier.isPresent()) {
                return resume(earlier.get(), hash, pkg, caller, paymentMethodId);
            }
        }
        accounts.ensure(caller.userId());
        var created = purchases.create(
                "pur_" + UUID.randomUUID().toString().replace("-", ""),
                caller.userId(),
                pkg,
                provider.name(),
                idempotencyKey,
                hash);
        if (created.isEmpty()) { // the same key raced in from a parallel request
            return resume(
                    purchases.findByKey(caller.userId(), idempotencyKey).orElseThrow(),
                    hash,
                    pkg,
                    caller,
                    paymentMethodId);
        }
        return new Result(drive(created.get(), pkg, caller, paymentMethodId), false);
    }

    private Result resume(Purchase earlier, String hash, TimePackage pkg, Caller caller, String paymentMethodId) {
        if (!earlier.requestHash().equals(hash)) {
            throw new ApiException(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "idempotency_key_reused",
                    "this Idempotency-Key was used for a different purchase; use a new key for a new purchase");
        }
        if (earlier.responseBody() != null) {
            return new Result(earlier.responseBody(), true);
        }
        switch (earlier.status()) {
            case FAILED -> throw refusal(earlier);
            case CREATED, UNCONFIRMED -> {
                if (purchases.claimForRetry(earlier.id(), clock.millis() - IN_FLIGHT_MILLIS)) {
                    return new Result(drive(earlier, pkg, caller, paymentMethodId), false);
                }
                throw new ApiException(
                        HttpStatus.CONFLICT,
                        "purchase_in_progress",
                        "a purchase with this Idempotency-Key is still being processed; retry shortly",
                        Map.of("purchase_id", earlier.id(), "retry_after_seconds", 2));
            }
            default -> {
                return new Result(answer(earlier.id(), pkg), true);
            }
        }
    }

    /** Calls the provider and settles its answer; stores the answer for replays. */
    private String drive(Purchase purchase, TimePackage pkg, Caller caller, String paymentMethodId) {
        PaymentOutcome outcome;
        try {
            String customer = customers.customerFor(caller.userId(), caller.email());
            outcome = provider.pay(new PaymentRequest(
                    purchase.id(),
                    caller.userId(),
                    pkg.id(),
                    customer,
                    paymentMethodId,
                    pkg.priceCents(),
                    pkg.currency()));
        } catch (PaymentsUnavailableException e) {
            purchases.markUnconfirmed(purchase.id());
            throw e;
        } catch (InvalidPaymentMethodException e) {
            purchases.markFailed(purchase.id(), InvalidPaymentMethodException.CODE, e.getMessage());
            throw e;
        }
        if (outcome.paymentIntentId() != null) {
            purchases.attachPaymentIntent(purchase.id(), outcome.paymentIntentId());
        }
        if (outcome instanceof PaymentOutcome.Succeeded s) {
            settlement.credit(
                    purchase.id(), s.paymentIntentId(), s.chargeId(), PaidAmount.asRequested(), "payment_confirmed");
        } else if (outcome instanceof PaymentOutcome.RequiresPaymentMethod r) {
            purchases.markAwaiting(purchase.id(), PurchaseStatus.REQUIRES_PAYMENT_METHOD, r.clientSecret());
        } else if (outcome instanceof PaymentOutcome.RequiresAction r) {
            purchases.markAwaiting(purchase.id(), PurchaseStatus.REQUIRES_ACTION, r.clientSecret());
        } else if (outcome instanceof PaymentOutcome.Processing p) {
            purchases.markAwaiting(purchase.id(), PurchaseStatus.PROCESSING, p.clientSecret());
        } else if (outcome instanceof PaymentOutcome.Declined d) {
            purchases.markFailed(purchase.id(), d.declineCode() != null ? d.declineCode() : d.code(), d.message());
            throw new PaymentDeclinedException(
                    purchase.id(), d.paymentIntentId(), d.code(), d.declineCode(), d.message());
        }
        String answer = answer(purchase.id(), pkg);
        purchases.recordAnswer(purchase.id(), answer);
        return answer;
    }

    /**
     * The purchase as it stands now, for its buyer only: another user's purchase is not found, so its
     * existence is not revealed either (nor its client secret).
     */
    public String current(Caller caller, String purchaseId) {
        Purchase purchase = purchases
                .find(purchaseId)
                .filter(p -> p.userId().equals(caller.userId()))
                .orElseThrow(() -> ApiException.notFound("the purchase"));
        return answer(purchase.id(), catalog.find(purchase.packageId()).orElseGet(() -> soldAs(purchase)));
    }

    /** The card as it was sold, for a purchase whose package left the catalog since. */
    private static TimePackage soldAs(Purchase purchase) {
        return new TimePackage(
                purchase.packageId(),
                purchase.packageId(),
                purchase.seconds(),
                purchase.amountCents(),
                purchase.currency(),
                null);
    }

    private String answer(String purchaseId, TimePackage pkg) {
        Purchase now = purchases.find(purchaseId).orElseThrow();
        long balance = accounts.get(now.userId()).balanceSeconds();
        return json.writeValueAsString(PurchaseAnswer.of(now, pkg, balance, provider.simulated()));
    }

    /** The refusal a failed purchase answered, given again to a replay. */
    private static ApiException refusal(Purchase failed) {
        if (InvalidPaymentMethodException.CODE.equals(failed.failureCode())) {
            return new InvalidPaymentMethodException(failed.failureMessage());
        }
        if (PurchaseJanitor.NOT_CHARGED.equals(failed.failureCode())) { // the janitor gave up on it
            return new ApiException(HttpStatus.CONFLICT, PurchaseJanitor.NOT_CHARGED, failed.failureMessage());
        }
        return new PaymentDeclinedException(
                failed.id(), failed.paymentIntentId(), "card_declined", failed.failureCode(), failed.failureMessage());
    }

    static String requestHash(String packageId, String paymentMethodId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((packageId + "\n" + (paymentMethodId == null ? "" : paymentMethodId))
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
