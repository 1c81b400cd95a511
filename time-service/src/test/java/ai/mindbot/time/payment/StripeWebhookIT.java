package ai.mindbot.time.payment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.Tokens;
import ai.mindbot.time.balance.AccountStanding;
import ai.mindbot.time.catalog.Catalog;
import ai.mindbot.time.ledger.Accounts;
import ai.mindbot.time.ledger.Cause;
import ai.mindbot.time.ledger.EntryKind;
import ai.mindbot.time.ledger.Ledger;
import ai.mindbot.time.ledger.NewEntry;
import ai.mindbot.time.testing.OnBothDatabases;
import ai.mindbot.time.testing.StripeEvents;
import ai.mindbot.time.testing.StripeSignatures;
import ai.mindbot.time.testing.TimeService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Stripe's webhooks, signed by an independent HMAC implementation, delivered repeatedly and out of
 * order: every payment is credited once and every refund or dispute taken back once.
 */
class StripeWebhookIT extends OnBothDatabases {

    /** A purchase waiting for 3-D Secure: nothing credited until Stripe says it succeeded. */
    static JsonNode pendingPurchase(String userId) {
        Http.Response pending = time.purchase(userId, "starter_1h", "pm_card_authenticationRequired");
        assertThat(pending.json().path("status").asString()).isEqualTo("requires_action");
        return pending.json();
    }

    static JsonNode paidPurchase(String userId, String packageId) {
        Http.Response paid = time.purchase(userId, packageId, "pm_card_visa");
        assertThat(paid.json().path("status").asString()).as(paid.body()).isEqualTo("succeeded");
        return paid.json();
    }

    static Purchase purchase(JsonNode answer) {
        return time.bean(Purchases.class)
                .find(answer.path("purchase_id").asString())
                .orElseThrow();
    }

    static String outcome(String payload) {
        return time.webhookOk(payload).json().path("outcome").asString();
    }

    static void assertInvalidSignature(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("code").asString()).isEqualTo("invalid_signature");
    }

    @Test
    void refusesMissingWrongExpiredAndTamperedSignatures() {
        JsonNode pending = pendingPurchase("201");
        String payload =
                StripeEvents.succeeded(pending.path("payment_intent_id").asString(), 999, "usd", null);
        long now = System.currentTimeMillis() / 1000;

        assertInvalidSignature(time.http.send("POST", "/webhooks/stripe", payload, null, Map.of()));
        assertInvalidSignature(time.http.send(
                "POST",
                "/webhooks/stripe",
                payload,
                null,
                Map.of("Stripe-Signature", StripeSignatures.header("whsec_someone_else", payload))));
        assertInvalidSignature(time.http.send(
                "POST",
                "/webhooks/stripe",
                payload,
                null,
                Map.of("Stripe-Signature", StripeSignatures.header(TimeService.WEBHOOK_SECRET, payload, now - 301))));
        assertInvalidSignature(time.http.send(
                "POST",
                "/webhooks/stripe",
                payload.replace("999", "99"),
                null,
                Map.of("Stripe-Signature", StripeSignatures.header(TimeService.WEBHOOK_SECRET, payload))));
        assertThat(time.balance("201")).isZero();

        // inside the 300 s tolerance is fine
        time.http.send(
                "POST",
                "/webhooks/stripe",
                payload,
                null,
                Map.of("Stripe-Signature", StripeSignatures.header(TimeService.WEBHOOK_SECRET, payload, now - 250)));
        assertThat(time.balance("201")).isEqualTo(3600);
    }

    @Test
    void verifiesTheRawBodyWhateverItsContentType() {
        JsonNode pending = pendingPurchase("213");
        String payload =
                StripeEvents.succeeded(pending.path("payment_intent_id").asString(), 999, "usd", null);

        Http.Response response = time.http.send(
                "POST",
                "/webhooks/stripe",
                payload,
                null,
                Map.of(
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "Stripe-Signature",
                        StripeSignatures.header(TimeService.WEBHOOK_SECRET, payload)));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(time.balance("213")).isEqualTo(3600);
    }

    @Test
    void refusesASignedBodyThatIsNotAnEvent() {
        for (String body : new String[] {"not json at all", "{\"type\": \"payment_intent.succeeded\"}"}) {
            Http.Response response = time.http.send(
                    "POST",
                    "/webhooks/stripe",
                    body,
                    null,
                    Map.of("Stripe-Signature", StripeSignatures.header(TimeService.WEBHOOK_SECRET, body)));

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().path("code").asString()).isEqualTo("malformed_body");
        }
    }

    @Test
    void acknowledgesAndIgnoresUnknownEventTypes() {
        String payload = StripeEvents.event(StripeEvents.newEventId(), "customer.created", Map.of("id", "cus_1"));

        assertThat(outcome(payload)).isEqualTo("ignored");
        assertThat(outcome(StripeEvents.succeeded("pi_nobody_knows", 999, "usd", null)))
                .isEqualTo("unmatched");
    }

    @Test
    void repeatedDeliveriesCreditOnce() {
        JsonNode pending = pendingPurchase("202");
        String intent = pending.path("payment_intent_id").asString();
        String event = StripeEvents.succeeded(intent, 999, "usd", null);

        assertThat(outcome(event)).isEqualTo("credited");
        assertThat(outcome(event)).isEqualTo("duplicate");
        assertThat(outcome(StripeEvents.succeeded(intent, 999, "usd", null))).isEqualTo("already_credited");
        assertThat(time.balance("202")).isEqualTo(3600);
    }

    @Test
    void parallelDeliveriesCreditOnce() throws Exception {
        JsonNode pending = pendingPurchase("203");
        String intent = pending.path("payment_intent_id").asString();
        String same = StripeEvents.succeeded(intent, 999, "usd", null);
        List<Callable<Integer>> deliveries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            deliveries.add(() -> time.webhook(same).status());
            deliveries.add(() -> time.webhook(StripeEvents.succeeded(intent, 999, "usd", null))
                    .status());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(deliveries)) {
            statuses.add(f.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(200);
        assertThat(time.balance("203")).isEqualTo(3600);
        assertThat(time.bean(Ledger.class).countOf("203")).isEqualTo(1);
    }

    @Test
    void aWebhookAfterTheConfirmAnswerDoesNotCreditAgain() {
        JsonNode paid = paidPurchase("204", "starter_1h");

        assertThat(outcome(StripeEvents.succeeded(paid.path("payment_intent_id").asString(), 999, "usd", null)))
                .isEqualTo("already_credited");
        assertThat(time.balance("204")).isEqualTo(3600);
    }

    @Test
    void aWebhookBeforeTheConfirmAnswerCreditsOnceAndTheConfirmFindsItDone() {
        // the purchase is written but its confirm answer has not come back (the intent id is not stored yet)
        Purchases purchases = time.bean(Purchases.class);
        time.bean(Accounts.class).ensure("205");
        Purchase written = purchases
                .create(
                        "pur_before_confirm_" + database,
                        "205",
                        time.bean(Catalog.class).require("starter_1h"),
                        "simulated",
                        null,
                        "hash")
                .orElseThrow();
        String intent = "pi_before_confirm_" + database;

        assertThat(outcome(StripeEvents.succeeded(intent, 999, "usd", written.id())))
                .isEqualTo("credited");
        PaymentSettlement.Settled confirm = time.bean(PaymentSettlement.class)
                .credit(written.id(), intent, null, PaidAmount.asRequested(), "payment_confirmed");

        assertThat(confirm.effect()).isEqualTo(PaymentSettlement.Effect.ALREADY_CREDITED);
        assertThat(purchases.find(written.id()).orElseThrow().paymentIntentId()).isEqualTo(intent);
        assertThat(time.balance("205")).isEqualTo(3600);
    }

    @Test
    void aLateFailureNeverUndoesASuccess() {
        JsonNode paid = paidPurchase("206", "starter_1h");

        assertThat(outcome(StripeEvents.failed(paid.path("payment_intent_id").asString(), 999, null)))
                .isEqualTo("already_credited");
        assertThat(purchase(paid).status()).isEqualTo(PurchaseStatus.SUCCEEDED);
        assertThat(time.balance("206")).isEqualTo(3600);
    }

    @Test
    void aFailureMarksThePendingPurchaseAndALaterSuccessStillCredits() {
        JsonNode pending = pendingPurchase("207");
        String intent = pending.path("payment_intent_id").asString();

        assertThat(outcome(StripeEvents.failed(intent, 999, null))).isEqualTo("marked_failed");
        assertThat(purchase(pending).status()).isEqualTo(PurchaseStatus.FAILED);
        assertThat(purchase(pending).failureCode()).isEqualTo("generic_decline");

        assertThat(outcome(StripeEvents.succeeded(intent, 999, "usd", null))).isEqualTo("credited");
        assertThat(time.balance("207")).isEqualTo(3600);
    }

    @Test
    void aWrongAmountOrCurrencyIsNotCreditedButMarkedForReview() {
        JsonNode cheap = pendingPurchase("208");
        JsonNode foreign = pendingPurchase("208");

        assertThat(outcome(
                        StripeEvents.succeeded(cheap.path("payment_intent_id").asString(), 1, "usd", null)))
                .isEqualTo("mismatch");
        assertThat(outcome(
                        StripeEvents.succeeded(foreign.path("payment_intent_id").asString(), 999, "eur", null)))
                .isEqualTo("mismatch");

        assertThat(time.balance("208")).isZero();
        assertThat(purchase(cheap).status()).isEqualTo(PurchaseStatus.REVIEW);
        assertThat(purchase(cheap).failureCode()).isEqualTo("amount_mismatch");
        assertThat(purchase(foreign).status()).isEqualTo(PurchaseStatus.REVIEW);
    }

    @Test
    void refundsTakeBackTheRefundedShareOnceAndCumulatively() {
        JsonNode paid = paidPurchase("209", "basic_5h"); // 18000 s for 3999 cents
        String intent = paid.path("payment_intent_id").asString();

        assertThat(outcome(StripeEvents.refunded(intent, 3999, 1000))).isEqualTo("taken_back");
        long afterFirst = 18000 - 18000L * 1000 / 3999;
        assertThat(time.balance("209")).isEqualTo(afterFirst);

        // the same refund reported again (another event, same cumulative amount): nothing more
        assertThat(outcome(StripeEvents.refunded(intent, 3999, 1000))).isEqualTo("nothing_to_take_back");
        assertThat(time.balance("209")).isEqualTo(afterFirst);

        // the rest refunded: only the difference goes, and the whole card is back to zero
        assertThat(outcome(StripeEvents.refunded(intent, 3999, 3999))).isEqualTo("taken_back");
        assertThat(time.balance("209")).isZero();
        assertThat(purchase(paid).status()).isEqualTo(PurchaseStatus.REFUNDED);
        assertThat(purchase(paid).refundedCents()).isEqualTo(3999);

        // an older event arriving last changes nothing
        assertThat(outcome(StripeEvents.refunded(intent, 3999, 1000))).isEqualTo("nothing_to_take_back");
        assertThat(time.balance("209")).isZero();
    }

    @Test
    void aRefundSeenBeforeTheSuccessCreditsThenTakesBack() {
        JsonNode pending = pendingPurchase("210");
        String intent = pending.path("payment_intent_id").asString();

        assertThat(outcome(StripeEvents.refunded(intent, 999, 999))).isEqualTo("taken_back");
        assertThat(outcome(StripeEvents.succeeded(intent, 999, "usd", null))).isEqualTo("already_credited");

        assertThat(time.balance("210")).isZero();
        assertThat(time.bean(Ledger.class).countOf("210")).isEqualTo(2);
    }

    @Test
    void aDisputeFlagsTheAccountAndTakesBackWhatIsLeftOnce() {
        JsonNode paid = paidPurchase("211", "starter_1h");
        String intent = paid.path("payment_intent_id").asString();
        outcome(StripeEvents.refunded(intent, 999, 500));
        long afterRefund = 3600 - 3600L * 500 / 999;
        assertThat(time.balance("211")).isEqualTo(afterRefund);

        assertThat(outcome(StripeEvents.disputed("dp_211_" + database, intent, 999)))
                .isEqualTo("disputed_taken_back");
        assertThat(outcome(StripeEvents.disputed("dp_211_" + database, intent, 999)))
                .isEqualTo("disputed_nothing_to_take_back");

        assertThat(time.balance("211")).isZero();
        AccountStanding.Standing standing = time.bean(AccountStanding.class).of("211");
        assertThat(standing.flagged()).isTrue();
        assertThat(standing.flagReason())
                .isEqualTo("dispute dp_211_" + database + " on purchase "
                        + paid.path("purchase_id").asString() + " (fraudulent)");
        assertThat(purchase(paid).status()).isEqualTo(PurchaseStatus.DISPUTED);

        // a second dispute on another purchase adds its reason
        JsonNode other = paidPurchase("211", "starter_1h");
        outcome(StripeEvents.disputed(
                "dp_211b_" + database, other.path("payment_intent_id").asString(), 999));
        assertThat(time.balance("211")).isZero();
        assertThat(time.bean(AccountStanding.class).of("211").flagReason())
                .startsWith("dispute dp_211_")
                .contains("; dispute dp_211b_");
    }

    @Test
    void takingBackSpentTimeLeavesADebtTheNextPurchaseRepays() {
        JsonNode paid = paidPurchase("212", "starter_1h");
        time.bean(Ledger.class)
                .post(NewEntry.of("212", EntryKind.SESSION_USAGE, -3000, Cause.sessionCommit("sess-212-" + database, 1))
                        .withFloor(0));

        outcome(StripeEvents.refunded(paid.path("payment_intent_id").asString(), 999, 999));
        assertThat(time.balance("212")).isEqualTo(-3000);
        Http.Response balance = time.http.get("/time/balance", Tokens.user("212"));
        assertThat(balance.json().path("available_seconds").asLong()).isZero();
        assertThat(balance.json().path("low_balance").asBoolean()).isTrue();

        paidPurchase("212", "starter_1h");
        assertThat(time.balance("212")).isEqualTo(600);
    }
}
