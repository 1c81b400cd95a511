package ai.mindbot.time.admin;

import static ai.mindbot.time.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.Tokens;
import ai.mindbot.time.ledger.Ledger;
import ai.mindbot.time.testing.OnBothDatabases;
import ai.mindbot.time.testing.StripeEvents;
import ai.mindbot.time.testing.TimeService;
import ai.mindbot.time.testing.WithAuthService;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The admin money actions over HTTP, on SQLite and PostgreSQL. */
@WithAuthService
class AdminMoneyIT extends OnBothDatabases {

    static final String ADMIN = Tokens.adminOnly("9000");

    static Http.Response grant(String userId, long seconds, String reason, String key) {
        Map<String, Object> body = new HashMap<>();
        body.put("user_id", userId);
        body.put("seconds", seconds);
        body.put("reason", reason);
        return time.http.send(
                "POST",
                "/time/admin/grants",
                Http.json(body),
                ADMIN,
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
        String u401 = auth.newUser();
        Http.Response granted = grant(u401, 600, "goodwill after an outage", null);

        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(granted.json().path("entry").path("kind").asString()).isEqualTo("admin_grant");
        assertThat(granted.json().path("entry").path("actor").asString()).isEqualTo("9000");
        assertThat(granted.json().path("entry").path("note").asString()).isEqualTo("goodwill after an outage");
        assertThat(granted.json().path("balance_seconds").asLong()).isEqualTo(600);

        Http.Response revoked = grant(u401, -100, "granted too much", null);
        assertThat(revoked.json().path("entry").path("kind").asString()).isEqualTo("admin_revoke");
        assertThat(time.balance(u401)).isEqualTo(500);
    }

    @Test
    void theSameIdempotencyKeyGrantsOnce() {
        String u402 = auth.newUser();
        JsonNode first = grant(u402, 300, "promo", "grant-" + u402).json();
        Http.Response again = grant(u402, 300, "promo", "grant-" + u402);
        assertThat(again.status()).as(again.body()).isEqualTo(200);

        assertThat(again.json().path("entry").path("id").asLong())
                .isEqualTo(first.path("entry").path("id").asLong());
        assertThat(again.json().path("replayed").asBoolean()).isTrue();
        assertThat(time.balance(u402)).isEqualTo(300);
        assertProblem(grant(u402, 301, "promo", "grant-" + u402), 422, "idempotency_key_reused");
    }

    @Test
    void aRevokeNeverTakesWhatLiveSessionsHold() {
        String u403 = auth.newUser();
        grant(u403, 1000, "start", null);
        time.bean(JdbcClient.class)
                .sql("UPDATE accounts SET reserved_seconds = 400 WHERE user_id = :user")
                .param("user", u403)
                .update();

        assertProblem(grant(u403, -601, "too much", null), 409, "revoke_exceeds_available");
        assertThat(grant(u403, -600, "all that is free", null).status()).isEqualTo(200);
        assertThat(time.balance(u403)).isEqualTo(400);
    }

    @Test
    void refusesBadGrants() {
        String u404 = auth.newUser();
        assertProblem(grant(u404, 0, "nothing", null), 400, "validation_failed");
        assertProblem(grant(u404, 10L * 365 * 24 * 3600 + 1, "too much", null), 400, "validation_failed");
        assertProblem(grant(u404, 60, "", null), 400, "validation_failed");
        assertProblem(grant(u404, 60, "x".repeat(501), null), 400, "validation_failed");
        assertProblem(time.http.post("/time/admin/grants", "{\"user_id\":", ADMIN), 400, "malformed_body");
        assertProblem(
                time.http.post(
                        "/time/admin/grants", Map.of("user_id", u404, "seconds", 60, "reason", "r"), Tokens.user(u404)),
                403,
                "forbidden");
        assertProblem(
                time.http.post("/time/admin/grants", Map.of("user_id", u404, "seconds", 60, "reason", "r")),
                401,
                "unauthorized");
        assertThat(time.balance(u404)).isZero();
    }

    @Test
    void refusesToActOnUsersThatDoNotExist() {
        // an id no account has: the auth service says so, and nothing is created to wait for it
        assertProblem(grant("987654321", 600, "phantom", null), 404, "unknown_user");
        assertProblem(
                time.http.post("/time/admin/accounts/987654321/disable", Map.of("reason", "x"), ADMIN),
                404,
                "unknown_user");
        assertProblem(
                time.http.post("/time/admin/accounts/987654321/enable", Map.of("reason", "x"), ADMIN),
                404,
                "unknown_user");
        // something that is not a user id at all
        for (String notAnId : new String[] {"abc' OR 1=1", "0", "-5", "12 ", "u-401", "9".repeat(30)}) {
            assertProblem(grant(notAnId, 600, "malformed", null), 400, "invalid_user_id");
        }
        assertProblem(
                time.http.post("/time/admin/accounts/abc'%20OR%201=1/disable", Map.of("reason", "x"), ADMIN),
                400,
                "invalid_user_id");

        JdbcClient db = time.bean(JdbcClient.class);
        assertThat(db.sql("SELECT COUNT(*) FROM accounts WHERE user_id IN ('987654321', 'abc'' OR 1=1', '0')")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(db.sql("SELECT COUNT(*) FROM ledger_entries WHERE user_id IN ('987654321', 'abc'' OR 1=1', '0')")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void changesNothingOnAGuessWhenAuthCannotAnswer() throws Exception {
        int nobodyListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobodyListens = socket.getLocalPort();
        }
        try (TimeService blind =
                TimeService.start(database, Map.of("AUTH_SERVICE_URL", "http://127.0.0.1:" + nobodyListens))) {
            Http.Response refused = blind.http.post(
                    "/time/admin/grants", Map.of("user_id", "42", "seconds", 600, "reason", "r"), ADMIN);
            assertProblem(refused, 503, "auth_unavailable");
            assertThat(refused.header("retry-after")).isEqualTo("5");
            assertProblem(
                    blind.http.post("/time/admin/accounts/42/disable", Map.of("reason", "r"), ADMIN),
                    503,
                    "auth_unavailable");
            JdbcClient db = blind.bean(JdbcClient.class);
            assertThat(db.sql("SELECT COUNT(*) FROM accounts").query(Long.class).single())
                    .isZero();
            assertThat(db.sql("SELECT COUNT(*) FROM ledger_entries")
                            .query(Long.class)
                            .single())
                    .isZero();
        }
    }

    @Test
    void takesWholeSecondsAndCentsOnly() {
        String user = auth.newUser();
        Http.Response fractional = time.http.post(
                "/time/admin/grants", "{\"user_id\":\"" + user + "\",\"seconds\":1.5,\"reason\":\"r\"}", ADMIN);
        assertProblem(fractional, 400, "validation_failed");
        assertThat(fractional.json().path("errors").findValuesAsString("field")).containsExactly("seconds");
        assertProblem(
                time.http.post(
                        "/time/admin/grants",
                        "{\"user_id\":\"" + user + "\",\"seconds\":\"60\",\"reason\":\"r\"}",
                        ADMIN),
                400,
                "validation_failed");

        JsonNode paid = time.purchase(user, "starter_1h", "pm_card_visa").json();
        Http.Response refund = time.http.post(
                "/time/admin/purchases/" + paid.path("purchase_id").asString() + "/refund",
                "{\"amount_cents\":1.5,\"reason\":\"r\"}",
                ADMIN);
        assertProblem(refund, 400, "validation_failed");
        assertThat(refund.json().path("errors").findValuesAsString("field")).containsExactly("amount_cents");
        assertThat(time.balance(user)).isEqualTo(3600);
    }

    @Test
    void refundsThroughTheProviderAndTheWebhookDoesNotTakeBackAgain() {
        String u405 = auth.newUser();
        JsonNode paid = time.purchase(u405, "starter_1h", "pm_card_visa").json();
        String purchase = paid.path("purchase_id").asString();

        Http.Response partial = refund(purchase, 333L);
        assertThat(partial.status()).as(partial.body()).isEqualTo(200);
        assertThat(partial.json().path("refund_id").asString()).startsWith("re_sim_");
        assertThat(partial.json().path("seconds_taken_back").asLong()).isEqualTo(3600L * 333 / 999);
        assertThat(partial.json().path("simulated").asBoolean()).isTrue();

        // Stripe then reports the same refund
        time.webhookOk(StripeEvents.refunded(paid.path("payment_intent_id").asString(), 999, 333));
        assertThat(time.balance(u405)).isEqualTo(3600 - 3600L * 333 / 999);

        Http.Response rest = refund(purchase, null);
        assertThat(rest.json().path("amount_cents").asLong()).isEqualTo(666);
        assertThat(rest.json().path("status").asString()).isEqualTo("refunded");
        time.webhookOk(StripeEvents.refunded(paid.path("payment_intent_id").asString(), 999, 999));
        assertThat(time.balance(u405)).isZero();
        assertThat(time.bean(Ledger.class).countOf(u405)).isEqualTo(3);

        assertProblem(refund(purchase, null), 409, "already_refunded");
    }

    @Test
    void parallelRefundClicksAndRefundWebhooksTakeBackOnce() throws Exception {
        String u408 = auth.newUser();
        JsonNode paid = time.purchase(u408, "basic_5h", "pm_card_visa").json();
        String purchase = paid.path("purchase_id").asString();
        String intent = paid.path("payment_intent_id").asString();
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            attempts.add(() -> refund(purchase, null).status());
            attempts.add(() ->
                    time.webhook(StripeEvents.refunded(intent, 3999, 3999)).status());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(attempts)) {
            statuses.add(f.get());
        }
        pool.shutdown();

        assertThat(statuses).isSubsetOf(200, 409).contains(200);
        assertThat(time.balance(u408)).isZero();
        assertThat(time.bean(Ledger.class).countOf(u408)).isEqualTo(2); // the credit and one take-back
    }

    @Test
    void refusesRefundsThatCannotBe() {
        String u406 = auth.newUser();
        JsonNode paid = time.purchase(u406, "starter_1h", "pm_card_visa").json();
        JsonNode pending = time.purchase(u406, "starter_1h", "pm_card_authenticationRequired")
                .json();

        assertProblem(refund(paid.path("purchase_id").asString(), 1000L), 400, "refund_exceeds_remaining");
        assertProblem(refund(paid.path("purchase_id").asString(), 0L), 400, "validation_failed");
        assertProblem(refund(pending.path("purchase_id").asString(), null), 409, "purchase_not_refundable");
        assertProblem(refund("pur_nope", null), 404, "not_found");
        assertThat(time.balance(u406)).isEqualTo(3600);
    }

    @Test
    void disablesAndEnablesAnAccount() {
        String u407 = auth.newUser();
        Http.Response disabled =
                time.http.post("/time/admin/accounts/" + u407 + "/disable", Map.of("reason", "abuse"), ADMIN);

        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().path("disabled").asBoolean()).isTrue();
        assertThat(disabled.json().path("disabled_reason").asString()).isEqualTo("abuse");
        assertThat(time.purchase(u407, "starter_1h", "pm_card_visa").status()).isEqualTo(403);

        time.http.post("/time/admin/accounts/" + u407 + "/enable", Map.of("reason", "appeal accepted"), ADMIN);
        JsonNode account = time.http.get("/time/admin/accounts/" + u407, ADMIN).json();
        assertThat(account.path("disabled").asBoolean()).isFalse();
        assertThat(time.purchase(u407, "starter_1h", "pm_card_visa").status()).isEqualTo(200);

        account = time.http.get("/time/admin/accounts/" + u407, ADMIN).json();
        assertThat(account.path("balance_seconds").asLong()).isEqualTo(3600);
        assertThat(account.path("available_seconds").asLong()).isEqualTo(3600);
        assertThat(account.path("reserved_seconds").asLong()).isZero();
        assertThat(account.path("flagged").asBoolean()).isFalse();
        assertProblem(
                time.http.post("/time/admin/accounts/" + u407 + "/disable", Map.of(), ADMIN), 400, "validation_failed");
        assertProblem(time.http.get("/time/admin/accounts/" + u407, Tokens.user(u407)), 403, "forbidden");
    }
}
