package ai.mindbot.time.payment;

import static ai.mindbot.time.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.Tokens;
import ai.mindbot.time.ledger.Accounts;
import ai.mindbot.time.testing.OnBothDatabases;
import ai.mindbot.time.testing.StripeEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Buying time cards with the payment simulator, over real HTTP, on SQLite and PostgreSQL. */
class PurchaseIT extends OnBothDatabases {

    @Test
    void listsTheConfiguredPackagesPublicly() {
        Http.Response pricing = time.http.get("/time/pricing");

        assertThat(pricing.status()).isEqualTo(200);
        assertThat(pricing.json().path("packages")).hasSize(3);
        assertThat(pricing.json().path("packages").get(0).path("id").asString()).isEqualTo("starter_1h");
        assertThat(pricing.json().path("packages").get(0).path("seconds").asLong())
                .isEqualTo(3600);
        assertThat(pricing.json().path("packages").get(0).path("price_cents").asLong())
                .isEqualTo(999);
        assertThat(pricing.json().path("packages").get(0).path("currency").asString())
                .isEqualTo("usd");
        assertThat(pricing.json().path("packages").get(1).path("id").asString()).isEqualTo("basic_5h");
        assertThat(pricing.json().path("packages").get(2).path("seconds").asLong())
                .isEqualTo(72000);
    }

    @Test
    void healthSaysPaymentsAreSimulated() {
        Http.Response health = time.http.get("/health");

        assertThat(health.json()
                        .path("components")
                        .path("payments")
                        .path("details")
                        .path("mode")
                        .asString())
                .isEqualTo("simulated");
    }

    @Test
    void creditsAVisaPurchaseAndSaysItIsSimulated() {
        Http.Response bought = time.purchase("101", "basic_5h", "pm_card_visa");

        assertThat(bought.status()).as(bought.body()).isEqualTo(200);
        assertThat(bought.json().path("status").asString()).isEqualTo("succeeded");
        assertThat(bought.json().path("simulated").asBoolean()).isTrue();
        assertThat(bought.json().path("payment_intent_id").asString()).startsWith("pi_sim_");
        assertThat(bought.json().path("purchase_id").asString()).startsWith("pur_");
        assertThat(bought.json().path("package").path("id").asString()).isEqualTo("basic_5h");
        assertThat(bought.json().path("balance_seconds").asLong()).isEqualTo(18000);
        assertThat(time.balance("101")).isEqualTo(18000);
    }

    @Test
    void declinesTheDeclinedTestCardsWith402AndCreditsNothing() {
        Http.Response declined = time.purchase("102", "starter_1h", "pm_card_chargeDeclined");
        Http.Response poor = time.purchase("102", "starter_1h", "pm_card_insufficientFunds");

        assertProblem(declined, 402, "payment_declined");
        assertThat(declined.json().path("decline_code").asString()).isEqualTo("generic_decline");
        assertThat(declined.json().path("detail").asString()).isEqualTo("Your card was declined.");
        assertProblem(poor, 402, "payment_declined");
        assertThat(poor.json().path("decline_code").asString()).isEqualTo("insufficient_funds");
        assertThat(time.balance("102")).isZero();
    }

    @Test
    void authenticationRequiredWaitsForTheSignedWebhook() {
        Http.Response pending = time.purchase("103", "starter_1h", "pm_card_authenticationRequired");

        assertThat(pending.status()).isEqualTo(200);
        assertThat(pending.json().path("status").asString()).isEqualTo("requires_action");
        assertThat(pending.json().path("client_secret").asString()).contains("_secret_");
        assertThat(pending.json().path("balance_seconds").asLong()).isZero();
        assertThat(time.balance("103")).isZero();

        String intent = pending.json().path("payment_intent_id").asString();
        time.webhookOk(StripeEvents.succeeded(
                intent, 999, "usd", pending.json().path("purchase_id").asString()));

        assertThat(time.balance("103")).isEqualTo(3600);
    }

    @Test
    void onlyTheBuyerReadsAPurchaseAndItsClientSecret() {
        JsonNode pending = time.purchase("110", "starter_1h", "pm_card_authenticationRequired")
                .json();
        String purchase = pending.path("purchase_id").asString();

        Http.Response mine = time.http.get("/time/purchases/" + purchase, Tokens.user("110"));
        Http.Response theirs = time.http.get("/time/purchases/" + purchase, Tokens.user("111"));

        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(mine.header("Cache-Control")).isEqualTo("no-store");
        assertThat(mine.json().path("status").asString()).isEqualTo("requires_action");
        assertThat(mine.json().path("client_secret").asString())
                .isEqualTo(pending.path("client_secret").asString());
        assertProblem(theirs, 404, "not_found");
        assertThat(theirs.body()).doesNotContain(pending.path("client_secret").asString());
        assertProblem(time.http.get("/time/purchases/pur_none", Tokens.user("111")), 404, "not_found");
    }

    @Test
    void refusesUnknownPackagesMissingFieldsAndMalformedJson() {
        assertProblem(time.purchase("104", "gold_999h", "pm_card_visa"), 404, "unknown_package");
        // without a payment method only a browser could confirm the payment, and the simulator has none
        Http.Response noMethod =
                time.http.post("/time/purchase", Map.of("package_id", "starter_1h"), Tokens.user("104"));
        assertProblem(noMethod, 400, "validation_failed");
        assertThat(noMethod.json().path("errors").findValuesAsString("field")).containsExactly("payment_method_id");
        assertProblem(time.http.post("/time/purchase", "{\"package_id\": ", Tokens.user("104")), 400, "malformed_body");
        assertProblem(time.purchase("104", "starter_1h", "pm_card_unheardOf"), 400, "invalid_payment_method");
        assertProblem(
                time.purchase("104", "starter_1h", "pm_card_visa", "bad key with spaces"),
                400,
                "invalid_idempotency_key");
        // not shaped like a payment method id at all: refused before a purchase is recorded
        for (String notAMethod : new String[] {"1000", "true", "60", "visa"}) {
            assertProblem(time.purchase("104", "starter_1h", notAMethod), 400, "validation_failed");
        }
        assertThat(time.bean(Purchases.class).ofUser("104")).hasSize(1); // only pm_card_unheardOf's attempt
        assertThat(time.balance("104")).isZero();
    }

    @Test
    void needsAUserToken() {
        Map<String, String> body = Map.of("package_id", "starter_1h", "payment_method_id", "pm_card_visa");
        assertProblem(time.http.post("/time/purchase", body), 401, "unauthorized");
        assertProblem(time.http.post("/time/purchase", body, Tokens.agent()), 403, "forbidden");
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstAnswerAndChargesOnce() {
        Http.Response first = time.purchase("105", "starter_1h", "pm_card_visa", "key-105");
        Http.Response again = time.purchase("105", "starter_1h", "pm_card_visa", "key-105");

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(time.balance("105")).isEqualTo(3600);

        assertProblem(time.purchase("105", "basic_5h", "pm_card_visa", "key-105"), 422, "idempotency_key_reused");
        // keys belong to a user: another user's identical key is a different purchase
        assertThat(time.purchase("106", "starter_1h", "pm_card_visa", "key-105")
                        .json()
                        .path("balance_seconds")
                        .asLong())
                .isEqualTo(3600);
    }

    @Test
    void aReplayedDeclineIsDeclinedAgainWithoutANewAttempt() {
        assertProblem(time.purchase("107", "starter_1h", "pm_card_chargeDeclined", "key-107"), 402, "payment_declined");
        Http.Response again = time.purchase("107", "starter_1h", "pm_card_chargeDeclined", "key-107");

        assertProblem(again, 402, "payment_declined");
        assertThat(again.json().path("decline_code").asString()).isEqualTo("generic_decline");
        assertThat(time.bean(Purchases.class).ofUser("107")).hasSize(1);
    }

    @Test
    void parallelPurchasesCreditExactlyOneCardEach() throws Exception {
        int cards = 12;
        List<Callable<Integer>> buyers = new ArrayList<>();
        for (int i = 0; i < cards; i++) {
            buyers.add(() -> time.purchase("108", "starter_1h", "pm_card_visa").status());
        }
        // and the same keyed request many times at once: one card
        for (int i = 0; i < 8; i++) {
            buyers.add(() -> time.purchase("108", "basic_5h", "pm_card_visa", "same-key-108")
                    .status());
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(buyers)) {
            statuses.add(f.get());
        }
        pool.shutdown();

        assertThat(statuses.subList(0, cards)).containsOnly(200);
        assertThat(statuses.subList(cards, statuses.size()))
                .isSubsetOf(200, 409)
                .contains(200);
        assertThat(time.balance("108")).isEqualTo(cards * 3600L + 18000L);
        assertThat(time.bean(Purchases.class).ofUser("108")).hasSize(cards + 1);
    }

    @Test
    void aDisabledAccountCannotBuy() {
        time.bean(Accounts.class).setDisabled("109", true, "chargeback fraud");

        assertProblem(time.purchase("109", "starter_1h", "pm_card_visa"), 403, "account_disabled");
    }
}
