package ai.mindbot.time.payment.stripe;

import ai.mindbot.time.payment.InvalidPaymentMethodException;
import ai.mindbot.time.payment.PaymentLookup;
import ai.mindbot.time.payment.PaymentOutcome;
import ai.mindbot.time.payment.PaymentProvider;
import ai.mindbot.time.payment.PaymentRequest;
import ai.mindbot.time.payment.PaymentsUnavailableException;
import ai.mindbot.time.payment.Purchase;
import ai.mindbot.time.payment.RefundOutcome;
import ai.mindbot.time.payment.RefundRequest;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeError;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentListParams;
import com.stripe.param.RefundCreateParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Stripe through stripe-java. With a payment method, one call creates and confirms the PaymentIntent
 * (card only, no redirects, so the server can confirm it); without one, the call only creates it and
 * the buyer's browser confirms it with Stripe.js and the client secret, Stripe's own card flow. Every
 * POST carries an idempotency key derived from our ids. Network failures, rate limits and Stripe's own errors become {@link PaymentsUnavailableException}
 * (503, safe to retry with the same key); a declined card becomes {@link PaymentOutcome.Declined}.
 */
public class StripePaymentProvider implements PaymentProvider {

    /** A PaymentIntent is created just after its purchase row; listing from a minute before is ample. */
    private static final long LIST_SLACK_SECONDS = 60;

    private static final Logger log = LoggerFactory.getLogger(StripePaymentProvider.class);
    private final StripeClient stripe;

    public StripePaymentProvider(StripeClient stripe) {
        this.stripe = stripe;
    }

    public static StripePaymentProvider of(String secretKey, String apiBase) {
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(secretKey)
                .setConnectTimeout(5_000)
                .setReadTimeout(30_000)
                .setMaxNetworkRetries(1);
        if (apiBase != null && !apiBase.isBlank()) {
            builder.setApiBase(apiBase);
        }
        return new StripePaymentProvider(builder.build());
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public boolean confirmsInBrowser() {
        return true;
    }

    @Override
    public String createCustomer(String userId, String email, String idempotencyKey) {
        CustomerCreateParams.Builder params = CustomerCreateParams.builder().putMetadata("user_id", userId);
        if (email != null && !email.isBlank()) {
            params.setEmail(email);
        }
        try {
            Customer customer = stripe.v1().customers().create(params.build(), options(idempotencyKey));
            return customer.getId();
        } catch (StripeException e) {
            throw unavailable("create the Stripe customer", e);
        }
    }

    @Override
    public PaymentOutcome pay(PaymentRequest request) {
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
                .setAmount(request.amountCents())
                .setCurrency(request.currency())
                .setCustomer(request.customerId())
                .addPaymentMethodType("card")
                .setDescription("MindBot time card " + request.packageId())
                .putMetadata("user_id", request.userId())
                .putMetadata("package_id", request.packageId())
                .putMetadata("purchase_id", request.purchaseId());
        if (request.paymentMethodId() != null) {
            params.setPaymentMethod(request.paymentMethodId()).setConfirm(true);
        }
        try {
            PaymentIntent intent =
                    stripe.v1().paymentIntents().create(params.build(), options(request.idempotencyKey()));
            return outcomeOf(intent);
        } catch (CardException e) {
            String intentId = e.getStripeError() != null && e.getStripeError().getPaymentIntent() != null
                    ? e.getStripeError().getPaymentIntent().getId()
                    : null;
            return new PaymentOutcome.Declined(intentId, e.getCode(), e.getDeclineCode(), stripeMessage(e));
        } catch (InvalidRequestException e) {
            if ("payment_method".equals(e.getParam()) || "resource_missing".equals(e.getCode())) {
                throw new InvalidPaymentMethodException(stripeMessage(e));
            }
            throw unavailable("create the PaymentIntent", e);
        } catch (StripeException e) {
            throw unavailable("create the PaymentIntent", e);
        }
    }

    @Override
    public PaymentLookup lookup(Purchase purchase, String customerId) {
        try {
            if (purchase.paymentIntentId() != null) {
                return lookupOf(stripe.v1().paymentIntents().retrieve(purchase.paymentIntentId()));
            }
            if (customerId == null) {
                return new PaymentLookup.NotFound();
            }
            PaymentIntentListParams params = PaymentIntentListParams.builder()
                    .setCustomer(customerId)
                    .setCreated(PaymentIntentListParams.Created.builder()
                            .setGte(purchase.createdAt() / 1000 - LIST_SLACK_SECONDS)
                            .build())
                    .setLimit(100L)
                    .build();
            for (PaymentIntent intent :
                    stripe.v1().paymentIntents().list(params).autoPagingIterable()) {
                if (intent.getMetadata() != null
                        && purchase.id().equals(intent.getMetadata().get("purchase_id"))) {
                    return lookupOf(intent);
                }
            }
            return new PaymentLookup.NotFound();
        } catch (InvalidRequestException e) {
            if ("resource_missing".equals(e.getCode())) {
                return new PaymentLookup.NotFound();
            }
            throw unavailable("look up the PaymentIntent", e);
        } catch (StripeException e) {
            throw unavailable("look up the PaymentIntent", e);
        }
    }

    /** Where a PaymentIntent stands now; only success, a decline or a cancellation is final. */
    static PaymentLookup lookupOf(PaymentIntent intent) {
        return switch (intent.getStatus()) {
            case "succeeded" ->
                new PaymentLookup.Succeeded(
                        intent.getId(),
                        intent.getLatestCharge(),
                        intent.getAmountReceived() != null && intent.getAmountReceived() > 0
                                ? intent.getAmountReceived()
                                : intent.getAmount(),
                        intent.getCurrency());
            case "canceled" ->
                new PaymentLookup.Failed(
                        intent.getId(),
                        "canceled",
                        "the payment was canceled"
                                + (intent.getCancellationReason() == null
                                        ? ""
                                        : " (" + intent.getCancellationReason() + ")"));
            case "requires_payment_method" ->
                declined(intent.getLastPaymentError())
                        ? new PaymentLookup.Failed(
                                intent.getId(),
                                intent.getLastPaymentError().getDeclineCode() != null
                                        ? intent.getLastPaymentError().getDeclineCode()
                                        : intent.getLastPaymentError().getCode(),
                                intent.getLastPaymentError().getMessage())
                        : new PaymentLookup.Pending(intent.getId(), intent.getStatus());
            default -> new PaymentLookup.Pending(intent.getId(), intent.getStatus());
        };
    }

    @Override
    public RefundOutcome refund(RefundRequest request) {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(request.paymentIntentId())
                .setAmount(request.amountCents())
                .putMetadata("purchase_id", request.purchaseId())
                .build();
        try {
            Refund refund = stripe.v1().refunds().create(params, options(request.idempotencyKey()));
            return new RefundOutcome(refund.getId(), refund.getAmount(), refund.getStatus());
        } catch (InvalidRequestException e) {
            throw new ai.mindbot.common.web.ApiException(HttpStatus.CONFLICT, "refund_refused", stripeMessage(e));
        } catch (StripeException e) {
            throw unavailable("create the refund", e);
        }
    }

    /**
     * Only success is final; anything undecided waits for the webhook, and carries the client secret
     * so the buyer's browser can act on it (confirm it, or complete 3-D Secure). A PaymentIntent
     * that needs a payment method without having been refused one is waiting for the browser.
     */
    static PaymentOutcome outcomeOf(PaymentIntent intent) {
        String id = intent.getId();
        String secret = intent.getClientSecret();
        return switch (intent.getStatus()) {
            case "succeeded" -> new PaymentOutcome.Succeeded(id, intent.getLatestCharge());
            case "requires_action" -> new PaymentOutcome.RequiresAction(id, secret);
            case "requires_payment_method" ->
                declined(intent.getLastPaymentError())
                        ? new PaymentOutcome.Declined(
                                id,
                                intent.getLastPaymentError().getCode(),
                                intent.getLastPaymentError().getDeclineCode(),
                                intent.getLastPaymentError().getMessage())
                        : new PaymentOutcome.RequiresPaymentMethod(id, secret);
            default -> new PaymentOutcome.Processing(id, secret);
        };
    }

    /** A card error (or any error with a code) on the intent means this attempt was declined. */
    private static boolean declined(StripeError error) {
        return error != null && ("card_error".equals(error.getType()) || error.getCode() != null);
    }

    private static RequestOptions options(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    /** Stripe's sentence for people, without the request id stripe-java appends to getMessage(). */
    private static String stripeMessage(StripeException e) {
        if (e.getStripeError() != null && e.getStripeError().getMessage() != null) {
            return e.getStripeError().getMessage();
        }
        return e.getMessage();
    }

    private static PaymentsUnavailableException unavailable(String action, StripeException e) {
        String kind = e instanceof ApiConnectionException
                ? "could not reach Stripe"
                : e instanceof RateLimitException
                        ? "Stripe is rate limiting us"
                        : e instanceof AuthenticationException
                                ? "Stripe rejected our API key"
                                : e instanceof ApiException
                                        ? "Stripe failed on its side"
                                        : "Stripe refused the request";
        if (e instanceof AuthenticationException || e instanceof InvalidRequestException) {
            log.error("payments: {} to {} (request {}): {}", kind, action, e.getRequestId(), stripeMessage(e));
        } else {
            log.warn("payments: {} to {}: {}", kind, action, e.getClass().getSimpleName());
        }
        return new PaymentsUnavailableException("payments are unavailable right now (" + kind
                + "); nothing was charged or credited, retry with the same Idempotency-Key");
    }
}
