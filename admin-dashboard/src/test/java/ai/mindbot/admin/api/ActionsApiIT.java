package ai.mindbot.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.admin.support.FakeServices;
import ai.mindbot.admin.support.FakeServices.Answer;
import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.Tokens;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Actions go through the owning services with the admin's own token, and every one is in the audit
 * log with who, what, why and the outcome. The services are in-test HTTP stand-ins that record calls.
 */
class ActionsApiIT extends DashboardOnBothDatabases {

    static final String TOKEN = Tokens.admin("900", "root@mindbot.test");

    @BeforeEach
    void clearCalls() {
        admin.services.reset();
    }

    private static Http.Response post(String path, Object body, Map<String, String> headers) {
        return admin.http.send("POST", path, Http.json(body), TOKEN, headers);
    }

    private static JsonNode lastAudit() {
        return admin.http
                .get("/admin/audit?limit=1", TOKEN)
                .json()
                .get("entries")
                .get(0);
    }

    @Test
    void grantsTimeThroughTheTimeServiceAndAuditsIt() {
        Http.Response r = post(
                "/admin/users/" + data.bob + "/grant",
                Map.of("seconds", 3600, "reason", "goodwill"),
                Map.of("Idempotency-Key", "grant-bob-1"));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("outcome").asString()).isEqualTo("succeeded");
        assertThat(r.json().get("results").get("time").get("balance_seconds").asLong())
                .isEqualTo(7200);
        FakeServices.Call call = admin.services.callsTo("/time/admin/grants").get(0);
        assertThat(call.bearer()).isEqualTo(TOKEN);
        assertThat(call.idempotencyKey()).isEqualTo("grant-bob-1");
        assertThat(call.body().get("user_id").asString()).isEqualTo(data.bob);
        assertThat(call.body().get("seconds").asLong()).isEqualTo(3600);
        assertThat(call.body().get("reason").asString()).isEqualTo("goodwill");

        JsonNode audit = lastAudit();
        assertThat(audit.get("id").asLong()).isEqualTo(r.json().get("audit_id").asLong());
        assertThat(audit.get("admin_id").asString()).isEqualTo("900");
        assertThat(audit.get("admin_email").asString()).isEqualTo("root@mindbot.test");
        assertThat(audit.get("action").asString()).isEqualTo("grant_time");
        assertThat(audit.get("target_type").asString()).isEqualTo("user");
        assertThat(audit.get("target_id").asString()).isEqualTo(data.bob);
        assertThat(audit.get("reason").asString()).isEqualTo("goodwill");
        assertThat(audit.get("outcome").asString()).isEqualTo("succeeded");
        assertThat(audit.get("details").asString()).contains("seconds=3600");
        assertThat(audit.get("finished_at").asLong())
                .isGreaterThanOrEqualTo(audit.get("created_at").asLong());
    }

    @Test
    void takesTimeBackWithANegativeGrant() {
        Http.Response r = post(
                "/admin/users/" + data.bob + "/grant", Map.of("seconds", -600, "reason", "double credit"), Map.of());
        assertThat(r.status()).isEqualTo(200);
        assertThat(admin.services
                        .callsTo("/time/admin/grants")
                        .get(0)
                        .body()
                        .get("seconds")
                        .asLong())
                .isEqualTo(-600);
        assertThat(admin.services.callsTo("/time/admin/grants").get(0).idempotencyKey())
                .startsWith("admin-");
        assertThat(lastAudit().get("action").asString()).isEqualTo("revoke_time");
    }

    @Test
    void passesOnTheTimeServicesRefusalAndAuditsTheFailure() {
        admin.services.answer(
                "/time/admin/grants",
                c -> Answer.problem(402, "insufficient_balance", "the balance would go below zero"));
        Http.Response r =
                post("/admin/users/" + data.bob + "/grant", Map.of("seconds", -99999, "reason", "oops"), Map.of());

        assertThat(r.status()).isEqualTo(402);
        assertThat(r.json().get("code").asString()).isEqualTo("insufficient_balance");
        assertThat(r.json().get("service").asString()).isEqualTo("time");
        JsonNode audit = lastAudit();
        assertThat(audit.get("outcome").asString()).isEqualTo("failed");
        assertThat(audit.get("outcome_detail").asString()).isEqualTo("time: 402 insufficient_balance");
    }

    @Test
    void answers502WhenTheTimeServiceFailsOrIsDown() {
        admin.services.answer("/time/admin/grants", c -> new Answer(500, "{}"));
        assertThat(post("/admin/users/" + data.bob + "/grant", Map.of("seconds", 60, "reason", "x"), Map.of())
                        .status())
                .isEqualTo(502);
        assertThat(lastAudit().get("outcome").asString()).isEqualTo("failed");
    }

    @Test
    void refundsAPurchaseThroughTheTimeService() {
        Http.Response r = post(
                "/admin/purchases/" + data.adaRefundedPurchase + "/refund",
                Map.of("amount_cents", 500, "reason", "customer asked"),
                Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        FakeServices.Call call = admin.services
                .callsTo("/time/admin/purchases/" + data.adaRefundedPurchase + "/refund")
                .get(0);
        assertThat(call.body().get("amount_cents").asLong()).isEqualTo(500);
        assertThat(call.body().get("reason").asString()).isEqualTo("customer asked");
        assertThat(lastAudit().get("action").asString()).isEqualTo("refund_purchase");

        post("/admin/purchases/" + data.adaRefundedPurchase + "/refund", Map.of("reason", "all of it"), Map.of());
        assertThat(admin.services.calls().get(1).body().has("amount_cents")).isFalse();
    }

    @Test
    void disablesAUserInBothServicesAndEnablesAgain() {
        Http.Response r = post("/admin/users/" + data.cy + "/disable", Map.of("reason", "chargeback fraud"), Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(admin.services.calls())
                .extracting(FakeServices.Call::path)
                .containsExactly(
                        "/auth/admin/users/" + data.cy + "/disable", "/time/admin/accounts/" + data.cy + "/disable");
        assertThat(admin.services.calls()).allSatisfy(c -> {
            assertThat(c.bearer()).isEqualTo(TOKEN);
            assertThat(c.body().get("reason").asString()).isEqualTo("chargeback fraud");
        });
        assertThat(lastAudit().get("action").asString()).isEqualTo("disable_user");

        assertThat(post("/admin/users/" + data.cy + "/enable", Map.of("reason", "resolved"), Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(admin.services.calls())
                .extracting(FakeServices.Call::path)
                .endsWith("/auth/admin/users/" + data.cy + "/enable", "/time/admin/accounts/" + data.cy + "/enable");
    }

    @Test
    void reportsAPartialDisableWhenOneServiceRefuses() {
        admin.services.answer("/time/admin/accounts/" + data.cy + "/disable", c -> new Answer(503, "{}"));
        Http.Response r = post("/admin/users/" + data.cy + "/disable", Map.of("reason", "abuse"), Map.of());
        assertThat(r.status()).isEqualTo(502);
        assertThat(r.json().get("code").asString()).isEqualTo("partially_applied");
        assertThat(admin.services.calls()).hasSize(2);
        assertThat(lastAudit().get("outcome").asString()).isEqualTo("partial");
        assertThat(lastAudit().get("outcome_detail").asString()).isEqualTo("auth: 200; time: 503");
    }

    @Test
    void endsALiveSession() {
        Http.Response r = post("/admin/sessions/" + data.bobLiveSession + "/end", Map.of("reason", "stuck"), Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(admin.services.callsTo("/time/admin/sessions/" + data.bobLiveSession + "/end"))
                .hasSize(1);
        assertThat(lastAudit().get("target_type").asString()).isEqualTo("session");
    }

    @Test
    void answers404ForUnknownTargetsAndCallsNobody() {
        long auditBefore =
                admin.http.get("/admin/audit", TOKEN).json().get("total").asLong();
        assertThat(post("/admin/users/424242/grant", Map.of("seconds", 60, "reason", "x"), Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(post("/admin/users/nobody/disable", Map.of("reason", "x"), Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(post("/admin/purchases/pur_nope/refund", Map.of("reason", "x"), Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(post("/admin/sessions/ses_nope/end", Map.of("reason", "x"), Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(admin.services.calls()).isEmpty();
        assertThat(admin.http.get("/admin/audit", TOKEN).json().get("total").asLong())
                .isEqualTo(auditBefore);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"seconds\":0,\"reason\":\"x\"}",
                "{\"seconds\":60}",
                "{\"seconds\":60,\"reason\":\" \"}",
                "{\"reason\":\"x\"}",
                "{\"seconds\":99999999999,\"reason\":\"x\"}",
                "{\"seconds\":\"lots\",\"reason\":\"x\"}",
                "not json",
                "{\"seconds\":2.9,\"reason\":\"x\"}",
                "{\"seconds\":\"60\",\"reason\":\"x\"}",
                "{\"seconds\":60,\"reason\":\"x\\ud83d\"}",
                "{\"seconds\":60,\"reason\":\"x\\u0000\"}"
            })
    void refusesABadGrant(String body) {
        Http.Response r = admin.http.send("POST", "/admin/users/" + data.bob + "/grant", body, TOKEN, Map.of());
        assertThat(r.status()).as(body).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(admin.services.calls()).isEmpty();
    }

    @Test
    void namesTheFieldThatIsNotAWholeNumber() {
        Http.Response seconds = admin.http.send(
                "POST", "/admin/users/" + data.bob + "/grant", "{\"seconds\":2.9,\"reason\":\"x\"}", TOKEN, Map.of());
        assertThat(seconds.json().path("errors").findValuesAsString("field")).containsExactly("seconds");
        Http.Response cents = admin.http.send(
                "POST",
                "/admin/purchases/" + data.adaRefundedPurchase + "/refund",
                "{\"amount_cents\":1.5,\"reason\":\"x\"}",
                TOKEN,
                Map.of());
        assertThat(cents.status()).isEqualTo(400);
        assertThat(cents.json().path("errors").findValuesAsString("field")).containsExactly("amount_cents");
        assertThat(admin.services.calls()).isEmpty();
    }

    @Test
    void refusesOtherBadBodies() {
        assertThat(post(
                                "/admin/purchases/" + data.adaRefundedPurchase + "/refund",
                                Map.of("amount_cents", -5, "reason", "x"),
                                Map.of())
                        .status())
                .isEqualTo(400);
        assertThat(post("/admin/users/" + data.cy + "/disable", Map.of(), Map.of())
                        .status())
                .isEqualTo(400);
        assertThat(post("/admin/sessions/" + data.bobLiveSession + "/end", Map.of("reason", "x".repeat(501)), Map.of())
                        .status())
                .isEqualTo(400);
        assertThat(post(
                                "/admin/users/" + data.bob + "/grant",
                                Map.of("seconds", 5, "reason", "x"),
                                Map.of("Idempotency-Key", "bad key!"))
                        .status())
                .isEqualTo(400);
        assertThat(admin.services.calls()).isEmpty();
    }

    @Test
    void pagesTheAuditLogNewestFirstAndFiltersByTarget() {
        for (int i = 0; i < 3; i++) {
            post("/admin/users/" + data.ada + "/grant", Map.of("seconds", 60 + i, "reason", "page " + i), Map.of());
        }
        JsonNode page = admin.http
                .get("/admin/audit?limit=2&offset=0&target_type=user&target_id=" + data.ada, TOKEN)
                .json();
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("entries").size()).isEqualTo(2);
        assertThat(page.get("entries").get(0).get("reason").asString()).isEqualTo("page 2");
        JsonNode rest = admin.http
                .get("/admin/audit?limit=2&offset=2&target_type=user&target_id=" + data.ada, TOKEN)
                .json();
        assertThat(rest.get("entries"))
                .extracting(e -> e.get("reason").asString())
                .containsExactly("page 0");
    }

    @Test
    void signsInAnAdminThroughTheAuthService() {
        String adminToken = Tokens.admin("7", "boss@mindbot.test");
        admin.services.answer(
                "/auth/login",
                c -> c.body().get("password").asString().equals("right-password")
                        ? Answer.ok("{\"access_token\":\"" + adminToken
                                + "\",\"token_type\":\"bearer\",\"expires_in\":3600}")
                        : Answer.problem(401, "invalid_credentials", "wrong email or password"));

        Http.Response ok = admin.http.post(
                "/admin/session/login", Map.of("email", "boss@mindbot.test", "password", "right-password"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("access_token").asString()).isEqualTo(adminToken);
        assertThat(admin.services
                        .callsTo("/auth/login")
                        .get(0)
                        .body()
                        .get("email")
                        .asString())
                .isEqualTo("boss@mindbot.test");

        Http.Response wrong =
                admin.http.post("/admin/session/login", Map.of("email", "boss@mindbot.test", "password", "nope"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("code").asString()).isEqualTo("invalid_credentials");
    }

    @Test
    void refusesToSignInSomeoneWhoIsNotAnAdmin() {
        admin.services.answer(
                "/auth/login", c -> Answer.ok("{\"access_token\":\"" + Tokens.user("8", "u@x.test") + "\"}"));
        Http.Response r = admin.http.post("/admin/session/login", Map.of("email", "u@x.test", "password", "whatever1"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("code").asString()).isEqualTo("not_admin");
        assertThat(r.body()).doesNotContain("access_token");
    }

    @Test
    void passesOnRateLimitsAndOutagesOfSignIn() {
        admin.services.answer(
                "/auth/login",
                c -> new Answer(429, "{\"status\":429,\"code\":\"too_many_attempts\",\"retry_after_seconds\":60}"));
        Http.Response limited = admin.http.post("/admin/session/login", Map.of("email", "a@b.test", "password", "x"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("retry-after")).isEqualTo("60");

        admin.services.answer("/auth/login", c -> new Answer(500, "{}"));
        assertThat(admin.http
                        .post("/admin/session/login", Map.of("email", "a@b.test", "password", "x"))
                        .status())
                .isEqualTo(502);
        assertThat(admin.http
                        .post("/admin/session/login", Map.of("email", "a@b.test"))
                        .status())
                .isEqualTo(400);
    }
}
