package ai.mindbot.time.payment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.OnBothDatabases;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.common.test.Tokens;
import ai.mindbot.time.testing.StripeEvents;
import ai.mindbot.time.testing.StripeMock;
import ai.mindbot.time.testing.TimeService;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/**
 * The purchase janitor asking stripe-mock through the real Stripe client. stripe-mock answers every
 * PaymentIntent with the same fixture, {@code requires_payment_method} without a decline, and lists
 * only that fixture (no metadata). So what this shows is the Stripe side's requests and its
 * reading of undecided and missing payments: a stuck payment is retrieved by id and, still
 * undecided, left alone until its webhook credits it; a payment that never reached Stripe is
 * looked for among the customer's PaymentIntents, not found, and marked failed, not charged.
 * Crediting what Stripe reports as succeeded is shown with the simulator (PurchaseJanitorIT) and
 * the reading of each Stripe status in StripeLookupTest.
 */
@Tag("e2e")
class PurchaseJanitorStripeMockIT extends OnBothDatabases {

    static StripeMock stripe;
    static TimeService time;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        stripe = StripeMock.start();
        time = TimeService.onHandMovedClock(
                database,
                Map.of(
                        "STRIPE_SECRET_KEY",
                        "sk_test_123",
                        "STRIPE_API_BASE",
                        stripe.apiBase(),
                        "STRIPE_WEBHOOK_SECRET",
                        TimeService.WEBHOOK_SECRET));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (time != null) {
            assertThat(time.auditMismatches()).isEmpty();
            time.close();
        }
        if (stripe != null) {
            stripe.close();
        }
    }

    static Http.Response buy(String userId, String key) {
        return time.http.send(
                "POST",
                "/time/purchase",
                Http.json(Map.of("package_id", "starter_1h", "payment_method_id", "pm_card_visa")),
                Tokens.user(userId),
                Map.of("Idempotency-Key", key));
    }

    static Purchase purchase(String id) {
        return time.bean(Purchases.class).find(id).orElseThrow();
    }

    static int janitor() {
        return time.bean(PurchaseJanitor.class).settleStuck();
    }

    @Test
    void asksStripeAboutAStuckPaymentAndLeavesItUndecidedUntilItsWebhook() {
        Http.Response bought = buy("7101", "stuck-7101");
        assertThat(bought.status()).as(bought.body()).isEqualTo(200);
        assertThat(bought.json().path("status").asString()).isEqualTo("requires_payment_method");
        Purchase pending = purchase(bought.json().path("purchase_id").asString());

        time.clock.advance(PurchaseJanitorIT.STUCK);
        assertThat(janitor()).isZero();

        assertThat(stripe.requests()).contains("GET /v1/payment_intents/" + pending.paymentIntentId());
        assertThat(purchase(pending.id()).status()).isEqualTo(PurchaseStatus.REQUIRES_PAYMENT_METHOD);
        assertThat(time.bean(Purchases.class).janitorChecks(pending.id())).isEqualTo(1);
        assertThat(time.storedBalance("7101")).isZero();

        String payload = StripeEvents.succeeded(pending.paymentIntentId(), 999, "usd", pending.id());
        Http.Response webhook = time.webhook(payload);
        assertThat(webhook.json().path("outcome").asString()).as(webhook.body()).isEqualTo("credited");
        time.clock.advance(Duration.ofHours(1));
        janitor();
        assertThat(time.storedBalance("7101")).isEqualTo(3600);
    }

    @Test
    void aPaymentThatNeverReachedStripeIsMarkedFailedNotCharged() {
        assertThat(buy("7102", "first-7102").status()).isEqualTo(200); // the customer now exists at Stripe
        String customer = time.jdbc()
                .sql("SELECT stripe_customer_id FROM accounts WHERE user_id = '7102'")
                .query(String.class)
                .single();
        int port = stripe.port();
        stripe.close(); // Stripe unreachable
        Http.Response lost = buy("7102", "lost-7102");
        assertThat(lost.status()).as(lost.body()).isEqualTo(503);
        Purchase unconfirmed =
                time.bean(Purchases.class).findByKey("7102", "lost-7102").orElseThrow();
        assertThat(unconfirmed.status()).isEqualTo(PurchaseStatus.UNCONFIRMED);

        time.clock.advance(PurchaseJanitorIT.STUCK);
        janitor(); // still unreachable: asked again later
        assertThat(purchase(unconfirmed.id()).status()).isEqualTo(PurchaseStatus.UNCONFIRMED);
        assertThat(time.bean(Purchases.class).janitorChecks(unconfirmed.id())).isEqualTo(1);

        stripe = StripeMock.start(port);
        time.clock.advance(Duration.ofMinutes(2));
        janitor();

        assertThat(stripe.requests()).contains("GET /v1/payment_intents");
        Purchase failed = purchase(unconfirmed.id());
        assertThat(failed.status()).isEqualTo(PurchaseStatus.FAILED);
        assertThat(failed.failureCode()).isEqualTo("not_charged");
        assertThat(customer).startsWith("cus_");
        // the client comes back with its key after all: told nothing was charged, to buy anew
        Http.Response replay = buy("7102", "lost-7102");
        assertThat(replay.status()).as(replay.body()).isEqualTo(409);
        assertThat(replay.json().path("code").asString()).isEqualTo("not_charged");
        assertThat(time.storedBalance("7102")).isZero();
    }
}
