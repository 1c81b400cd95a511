package ai.mindbot.time.admin;

import static ai.mindbot.time.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.time.ledger.Ledger;
import ai.mindbot.time.ledger.LedgerAudit;
import ai.mindbot.time.testing.StripeEvents;
import ai.mindbot.time.testing.TimeService;
import ai.mindbot.time.testing.Tokens;
import tools.jackson.databind.JsonNode;

/** The admin money actions over HTTP, on SQLite and PostgreSQL. */
@ParameterizedClass
@MethodSource("ai.mindbot.common.test.TestDatabase#both")
class AdminMoneyIT {

    @Parameter
    TestDatabase database;

    static TimeService time;
    static final String ADMIN = Tokens.admin("9000");

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        time = TimeService.start(database);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        assertThat(time.bean(LedgerAudit.class).mismatches()).isEmpty();
        time.close();
    }

    static Http.Response grant(String userId, long seconds, String reason, String key) {
        Map<String, Object> body = new HashMap<>();
        body.put("user_id", userId);
        body.put("seconds", seconds);
        body.put("reason", reason);
        return time.http.send("POST", "/time/admin/grants", Http.json(body), ADMIN,
                key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    static Http.Response refund(String purchaseId, Long cents) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", "customer asked");
        if (cents != null) {
            body.put("amount_cents", cents);
        }
        return time.http.post("/time/admin/purchases/" + purchaseId + "/refund", body, ADMIN);
    }

    @Test
    void grantsAndRevokesWithTheAdminAsActor() {
        Http.Response granted = grant("401", 600, "goodwill after an outage", null);

        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(granted.json().path("entry").path("kind").asString()).isEqualTo("admin_grant");
        assertThat(granted.json().path("entry").path("actor").asString()).isEqualTo("9000");
        assertThat(granted.json().path("entry").path("note").asString()).isEqualTo("goodwill after an outage");
        assertThat(granted.json().path("balance_seconds").asLong()).isEqualTo(600);

        Http.Response revoked = grant("401", -100, "granted too much", null);
        assertThat(revoked.json().path("entry").path("kind").asString()).isEqualTo("admin_revoke");
        assertThat(time.balance("401")).isEqualTo(500);
    }

    @Test
    void theSameIdempotencyKeyGrantsOnce() {
        JsonNode first = grant("402", 300, "promo", "grant-402").json();
        Http.Response again = grant("402", 300, "promo", "grant-402");
        assertThat(again.status()).as(again.body()).isEqualTo(200);

        assertThat(again.json().path("entry").path("id").asLong()).isEqualTo(first.path("entry").path("id").asLong());
        assertThat(again.json().path("replayed").asBoolean()).isTrue();
        assertThat(time.balance("402")).isEqualTo(300);
        assertProblem(grant("402", 301, "promo", "grant-402"), 422, "idempotency_key_reused");
    }

    @Test
    void aRevokeNeverTakesWhatLiveSessionsHold() {
        grant("403", 1000, "start", null);
        time.bean(JdbcClient.class).sql("UPDATE accounts SET reserved_seconds = 400 WHERE user_id = '403'").update();

        assertProblem(grant("403", -601, "too much", null), 409, "revoke_exceeds_available");
        assertThat(grant("403", -600, "all that is free", null).status()).isEqualTo(200);
        assertThat(time.balance("403")).isEqualTo(400);
    }

    @Test
    void refusesBadGrants() {
        assertProblem(grant("404", 0, "nothing", null), 400, "validation_failed");
        assertProblem(grant("404", 10L * 365 * 24 * 3600 + 1, "too much", null), 400, "validation_failed");
        assertProblem(grant("404", 60, "", null), 400, "validation_failed");
        assertProblem(grant("404", 60, "x".repeat(501), null), 400, "validation_failed");
        assertProblem(time.http.post("/time/admin/grants", "{\"user_id\":", ADMIN), 400, "malformed_body");
        assertProblem(time.http.post("/time/admin/grants", Map.of("user_id", "404", "seconds", 60, "reason", "r"),
                Tokens.user("404")), 403, "forbidden");
        assertProblem(time.http.post("/time/admin/grants", Map.of("user_id", "404", "seconds", 60, "reason", "r")),
                401, "unauthorized");
        assertThat(time.balance("404")).isZero();
    }

    @Test
    void refundsThroughTheProviderAndTheWebhookDoesNotTakeBackAgain() {
        JsonNode paid = time.purchase("405", "starter_1h", "pm_card_visa").json();
        String purchase = paid.path("purchase_id").asString();

        Http.Response partial = refund(purchase, 333L);
        assertThat(partial.status()).as(partial.body()).isEqualTo(200);
        assertThat(partial.json().path("refund_id").asString()).startsWith("re_sim_");
        assertThat(partial.json().path("seconds_taken_back").asLong()).isEqualTo(3600L * 333 / 999);
        assertThat(partial.json().path("simulated").asBoolean()).isTrue();

        // Stripe then reports the same refund
        time.webhookOk(StripeEvents.refunded(paid.path("payment_intent_id").asString(), 999, 333));
        assertThat(time.balance("405")).isEqualTo(3600 - 3600L * 333 / 999);

        Http.Response rest = refund(purchase, null);
        assertThat(rest.json().path("amount_cents").asLong()).isEqualTo(666);
        assertThat(rest.json().path("status").asString()).isEqualTo("refunded");
        time.webhookOk(StripeEvents.refunded(paid.path("payment_intent_id").asString(), 999, 999));
        assertThat(time.balance("405")).isZero();
        assertThat(time.bean(Ledger.class).countOf("405")).isEqualTo(3);

        assertProblem(refund(purchase, null), 409, "already_refunded");
    }

    @Test
    void parallelRefundClicksAndRefundWebhooksTakeBackOnce() throws Exception {
        JsonNode paid = time.purchase("408", "basic_5h", "pm_card_visa").json();
        String purchase = paid.path("purchase_id").asString();
        String intent = paid.path("payment_intent_id").asString();
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            attempts.add(() -> refund(purchase, null).status());
            attempts.add(() -> time.webhook(StripeEvents.refunded(intent, 3999, 3999)).status());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(attempts)) {
            statuses.add(f.get());
        }
        pool.shutdown();

        assertThat(statuses).isSubsetOf(200, 409).contains(200);
        assertThat(time.balance("408")).isZero();
        assertThat(time.bean(Ledger.class).countOf("408")).isEqualTo(2); // the credit and one take-back
    }

    @Test
    void refusesRefundsThatCannotBe() {
        JsonNode paid = time.purchase("406", "starter_1h", "pm_card_visa").json();
        JsonNode pending = time.purchase("406", "starter_1h", "pm_card_authenticationRequired").json();

        assertProblem(refund(paid.path("purchase_id").asString(), 1000L), 400, "refund_exceeds_remaining");
        assertProblem(refund(paid.path("purchase_id").asString(), 0L), 400, "validation_failed");
        assertProblem(refund(pending.path("purchase_id").asString(), null), 409, "purchase_not_refundable");
        assertProblem(refund("pur_nope", null), 404, "not_found");
        assertThat(time.balance("406")).isEqualTo(3600);
    }

    @Test
    void disablesAndEnablesAnAccount() {
        Http.Response disabled = time.http.post("/time/admin/accounts/407/disable", Map.of("reason", "abuse"), ADMIN);

        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().path("disabled").asBoolean()).isTrue();
        assertThat(disabled.json().path("disabled_reason").asString()).isEqualTo("abuse");
        assertThat(time.purchase("407", "starter_1h", "pm_card_visa").status()).isEqualTo(403);

        time.http.post("/time/admin/accounts/407/enable", Map.of("reason", "appeal accepted"), ADMIN);
        JsonNode account = time.http.get("/time/admin/accounts/407", ADMIN).json();
        assertThat(account.path("disabled").asBoolean()).isFalse();
        assertThat(time.purchase("407", "starter_1h", "pm_card_visa").status()).isEqualTo(200);

        account = time.http.get("/time/admin/accounts/407", ADMIN).json();
        assertThat(account.path("balance_seconds").asLong()).isEqualTo(3600);
        assertThat(account.path("available_seconds").asLong()).isEqualTo(3600);
        assertThat(account.path("reserved_seconds").asLong()).isZero();
        assertThat(account.path("flagged").asBoolean()).isFalse();
        assertProblem(time.http.post("/time/admin/accounts/407/disable", Map.of(), ADMIN), 400, "validation_failed");
        assertProblem(time.http.get("/time/admin/accounts/407", Tokens.user("407")), 403, "forbidden");
    }
}
