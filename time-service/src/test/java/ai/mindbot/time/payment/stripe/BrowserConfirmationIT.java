package ai.mindbot.time.payment.stripe;

import static ai.mindbot.time.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.OnBothDatabases;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.common.test.Tokens;
import ai.mindbot.time.ledger.LedgerAudit;
import ai.mindbot.time.testing.StripeEvents;
import ai.mindbot.time.testing.StripeMock;
import ai.mindbot.time.testing.TimeService;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Stripe's browser flow against stripe-mock (which checks every request against Stripe's OpenAPI
 * spec): a purchase without a payment method creates a PaymentIntent and answers its client secret
 * for the buyer's browser to confirm with Stripe.js; the signed webhook credits it once. The secret
 * is the buyer's alone: no other user reads it, and it never reaches the log. On SQLite and PostgreSQL.
 */
@Tag("e2e")
@ExtendWith(OutputCaptureExtension.class)
class BrowserConfirmationIT extends OnBothDatabases {

    /** Stripe's shape: the PaymentIntent's id, {@code _secret_}, then the secret part. */
    static final Pattern CLIENT_SECRET = Pattern.compile("pi_[A-Za-z0-9]+_secret_[A-Za-z0-9]+");

    static StripeMock stripe;
    static TimeService time;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        stripe = StripeMock.start();
        time = TimeService.start(
                database, Map.of("STRIPE_SECRET_KEY", "sk_test_123", "STRIPE_API_BASE", stripe.apiBase()));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        assertThat(time.bean(LedgerAudit.class).mismatches()).isEmpty();
        time.close();
        stripe.close();
    }

    @Test
    void aPurchaseWithoutAPaymentMethodHandsItsBuyerTheClientSecret(CapturedOutput output) {
        Http.Response bought = buy("701", "browser-701");

        assertThat(bought.status()).as(bought.body()).isEqualTo(200);
        assertThat(bought.header("Cache-Control")).isEqualTo("no-store");
        JsonNode answer = bought.json();
        assertThat(answer.path("status").asString()).isEqualTo("requires_payment_method");
        assertThat(answer.has("simulated")).isFalse();
        String intent = answer.path("payment_intent_id").asString();
        assertThat(intent).startsWith("pi_");
        String secret = answer.path("client_secret").asString();
        assertThat(secret).matches(CLIENT_SECRET);
        assertThat(time.balance("701")).isZero();

        // the buyer's page may ask again (after a reload) or replay its request: the same secret
        String purchase = answer.path("purchase_id").asString();
        Http.Response mine = time.http.get("/time/purchases/" + purchase, Tokens.user("701"));
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(mine.header("Cache-Control")).isEqualTo("no-store");
        assertThat(mine.json().path("client_secret").asString()).isEqualTo(secret);
        Http.Response replayed = buy("701", "browser-701");
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.json().path("client_secret").asString()).isEqualTo(secret);

        // Stripe reports the browser's confirmation, twice (two events): one credit
        time.webhookOk(StripeEvents.succeeded(intent, 999, "usd", purchase));
        time.webhookOk(StripeEvents.succeeded(intent, 999, "usd", purchase));

        assertThat(time.balance("701")).isEqualTo(3600);
        JsonNode settled =
                time.http.get("/time/purchases/" + purchase, Tokens.user("701")).json();
        assertThat(settled.path("status").asString()).isEqualTo("succeeded");
        assertThat(settled.path("seconds_credited").asLong()).isEqualTo(3600);
        assertThat(settled.has("client_secret"))
                .as("nothing is left for the browser to do")
                .isFalse();
        // the service's log is captured here (its webhook lines are), and the secret is not in it
        assertThat(output.getAll())
                .contains("stripe webhook payment_intent.succeeded")
                .doesNotContain(secret);
    }

    @Test
    void anotherUserCannotReadTheClientSecret() {
        JsonNode answer = buy("702", "shared-key").json();
        String purchase = answer.path("purchase_id").asString();
        assertThat(answer.path("client_secret").asString()).matches(CLIENT_SECRET);

        Http.Response theirs = time.http.get("/time/purchases/" + purchase, Tokens.user("703"));
        Http.Response none = time.http.get("/time/purchases/pur_nobody", Tokens.user("703"));

        // not found, exactly like a purchase that does not exist: not even its existence is revealed
        assertProblem(theirs, 404, "not_found");
        assertProblem(none, 404, "not_found");
        assertThat(theirs.json().path("detail")).isEqualTo(none.json().path("detail"));
        assertThat(theirs.body()).doesNotContain("_secret_");
        // an admin has no use for a buyer's secret either; nobody reads it without a token
        assertProblem(time.http.get("/time/purchases/" + purchase, Tokens.adminOnly("9000")), 403, "forbidden");
        assertProblem(time.http.get("/time/purchases/" + purchase), 401, "unauthorized");

        // the buyer's Idempotency-Key in another user's request is that user's own key: a purchase of their own
        JsonNode other = buy("703", "shared-key").json();
        assertThat(other.path("purchase_id").asString()).isNotEqualTo(purchase);
        assertThat(other.path("payment_intent_id").asString())
                .isNotEqualTo(answer.path("payment_intent_id").asString());
        assertThat(time.http
                        .get("/time/purchases/" + purchase, Tokens.user("702"))
                        .json()
                        .path("purchase_id")
                        .asString())
                .isEqualTo(purchase);
    }

    @Test
    void aDeclineInTheBrowserLeavesThePaymentIntentOpenForAnotherCard() {
        JsonNode answer = buy("704", "browser-704").json();
        String purchase = answer.path("purchase_id").asString();
        String intent = answer.path("payment_intent_id").asString();

        time.webhookOk(StripeEvents.failed(intent, 999, purchase));

        JsonNode failed =
                time.http.get("/time/purchases/" + purchase, Tokens.user("704")).json();
        assertThat(failed.path("status").asString()).isEqualTo("failed");
        assertThat(failed.path("client_secret").asString())
                .isEqualTo(answer.path("client_secret").asString());
        assertThat(time.balance("704")).isZero();

        // the buyer confirms the same PaymentIntent with another card, as Stripe allows
        time.webhookOk(StripeEvents.succeeded(intent, 999, "usd", purchase));
        assertThat(time.balance("704")).isEqualTo(3600);
    }

    @Test
    void aPaymentMethodStillConfirmsOnTheServerAndAnythingUnsettledCarriesTheSecret() {
        Http.Response bought = time.purchase("705", "starter_1h", "pm_card_visa", "server-705");

        assertThat(bought.status()).as(bought.body()).isEqualTo(200);
        JsonNode answer = bought.json();
        assertThat(answer.path("payment_intent_id").asString()).startsWith("pi_");
        // stripe-mock answers its fixture, an intent still needing a payment method, which the browser
        // may confirm; real Stripe answers succeeded (nothing left to do, no secret) or requires_action
        // (3-D Secure: the secret again), or declines
        assertThat(answer.path("status").asString()).isEqualTo("requires_payment_method");
        assertThat(answer.path("client_secret").asString()).matches(CLIENT_SECRET);
    }

    private static Http.Response buy(String userId, String idempotencyKey) {
        return time.http.send(
                "POST",
                "/time/purchase",
                Http.json(Map.of("package_id", "starter_1h")),
                Tokens.user(userId),
                Map.of("Idempotency-Key", idempotencyKey));
    }
}
