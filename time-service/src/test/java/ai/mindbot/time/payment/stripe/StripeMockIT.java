package ai.mindbot.time.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.ApiContract;
import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.common.test.Tokens;
import ai.mindbot.time.ledger.LedgerAudit;
import ai.mindbot.time.testing.StripeEvents;
import ai.mindbot.time.testing.StripeMock;
import ai.mindbot.time.testing.TimeService;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The real {@link StripePaymentProvider} against stripe-mock, which checks every request against
 * Stripe's OpenAPI spec: customer creation, PaymentIntent create-and-confirm and refund are all
 * accepted, and the purchase completes (stripe-mock cannot charge, so success arrives as the signed
 * webhook Stripe would send).
 */
@Tag("e2e")
class StripeMockIT {

    static StripeMock stripe;
    static TimeService time;

    @BeforeAll
    static void start() {
        stripe = StripeMock.start();
        time = TimeService.start(
                TestDatabase.SQLITE, Map.of("STRIPE_SECRET_KEY", "sk_test_123", "STRIPE_API_BASE", stripe.apiBase()));
    }

    @AfterAll
    static void stop() {
        if (time != null) {
            assertThat(time.bean(LedgerAudit.class).mismatches()).isEmpty();
            time.close();
        }
        if (stripe != null) {
            stripe.close();
        }
    }

    @Test
    void aPurchaseThroughStripeCompletesAndRefunds() {
        Http.Response bought = time.purchase("601", "starter_1h", "pm_card_visa", "e2e-601");

        assertThat(bought.status()).as(bought.body()).isEqualTo(200);
        JsonNode answer = bought.json();
        assertThat(answer.has("simulated")).isFalse();
        String intent = answer.path("payment_intent_id").asString();
        assertThat(intent).startsWith("pi_");
        String customer = time.bean(JdbcClient.class)
                .sql("SELECT stripe_customer_id FROM accounts WHERE user_id = '601'")
                .query(String.class)
                .single();
        assertThat(customer).startsWith("cus_");

        // stripe-mock answers with a fixture intent that is not yet paid; Stripe's webhook settles it
        if (!"succeeded".equals(answer.path("status").asString())) {
            time.webhookOk(StripeEvents.succeeded(
                    intent, 999, "usd", answer.path("purchase_id").asString()));
        }
        assertThat(time.balance("601")).isEqualTo(3600);

        Http.Response refunded = time.http.post(
                "/time/admin/purchases/" + answer.path("purchase_id").asString() + "/refund",
                Map.of("reason", "e2e refund"),
                Tokens.adminOnly("9000"));
        assertThat(refunded.status()).as(refunded.body()).isEqualTo(200);
        assertThat(refunded.json().path("refund_id").asString()).startsWith("re_");
        assertThat(time.balance("601")).isZero();

        // a second purchase reuses the stored Stripe customer
        assertThat(time.purchase("601", "basic_5h", "pm_card_visa").status()).isEqualTo(200);
        assertThat(time.bean(JdbcClient.class)
                        .sql("SELECT stripe_customer_id FROM accounts WHERE user_id = '601'")
                        .query(String.class)
                        .single())
                .isEqualTo(customer);
    }

    /** The admin refund's documented 503, as it really comes when Stripe cannot be reached; nothing is refunded. */
    @Test
    void aRefundWhileStripeIsUnreachableIsTheDocumented503() {
        JsonNode answer =
                time.purchase("602", "starter_1h", "pm_card_visa", "e2e-602").json();
        String purchase = answer.path("purchase_id").asString();
        if (!"succeeded".equals(answer.path("status").asString())) {
            time.webhookOk(
                    StripeEvents.succeeded(answer.path("payment_intent_id").asString(), 999, "usd", purchase));
        }
        int port = stripe.port();
        stripe.close();
        try {
            Http.Response refused = time.http.post(
                    "/time/admin/purchases/" + purchase + "/refund",
                    Map.of("reason", "e2e refund"),
                    Tokens.adminOnly("9000"));
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.json().path("code").asString()).isEqualTo("payments_unavailable");
            ApiContract.of(time.http).assertAnswer("POST", "/time/admin/purchases/{purchaseId}/refund", refused);
            assertThat(time.balance("602")).isEqualTo(3600);
        } finally {
            stripe = StripeMock.start(port);
        }
    }
}
