package ai.mindbot.time;

import static ai.mindbot.common.test.Responses.ok;
import static ai.mindbot.common.test.Responses.problem;
import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.ApiContract;
import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.common.test.Tokens;
import ai.mindbot.time.testing.AuthService;
import ai.mindbot.time.testing.LiveKitSignatures;
import ai.mindbot.time.testing.TimeService;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.web.servlet.DispatcherServlet;
import tools.jackson.databind.JsonNode;

/**
 * time-service's OpenAPI document, served at /v3/api-docs to anyone: it names every endpoint the
 * service maps, its security follows SecurityConfig, and real answers (successes and problems)
 * match the schemas it gives them. The document does not depend on the database: SQLite only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiDocumentIT {

    private static final String ADMIN = Tokens.adminOnly("9000");
    private static AuthService auth;
    private static TimeService time;
    private static ApiContract contract;

    /** With the real auth service, which the admin actions ask whether a user exists. */
    @BeforeAll
    static void start() {
        auth = AuthService.start(TestDatabase.SQLITE);
        time = TimeService.start(TestDatabase.SQLITE, auth.timeServiceProperties());
        contract = ApiContract.of(time.http);
    }

    @AfterAll
    static void stop() {
        time.close();
        auth.close(); // again, if the last test has not; closing twice is harmless
    }

    @Test
    void namesEveryEndpointTheServiceMaps() {
        Set<String> endpoints = ApiContract.endpointsOf(time.bean(DispatcherServlet.class));
        assertThat(endpoints)
                .contains("POST /time/purchase", "POST /time/sessions/{id}/heartbeat", "POST /webhooks/stripe");
        assertThat(contract.operations()).containsAll(endpoints);
    }

    @Test
    void securityAndItsRefusalsFollowSecurityConfig() {
        assertThat(contract.operation("GET", "/time/pricing").path("security").isEmpty())
                .isTrue();
        assertThat(contract.operation("POST", "/webhooks/stripe")
                        .path("responses")
                        .has("401"))
                .isFalse();
        JsonNode purchase = contract.operation("POST", "/time/purchase");
        assertThat(purchase.path("security").get(0).path("bearer").toString()).isEqualTo("[\"user\"]");
        assertThat(purchase.path("responses")
                        .path("200")
                        .path("content")
                        .path("application/json")
                        .path("schema")
                        .path("$ref")
                        .asString())
                .endsWith("/PurchaseAnswer");
        JsonNode sessions = contract.operation("POST", "/time/sessions");
        assertThat(sessions.path("security").get(0).path("bearer").isEmpty()).isTrue(); // any valid token
        assertThat(contract.operation("POST", "/time/admin/grants")
                        .path("security")
                        .get(0)
                        .path("bearer")
                        .toString())
                .isEqualTo("[\"admin\"]");
    }

    @Test
    void answersMatchTheirDocumentedSchemas() {
        String user = Tokens.user("7001");
        contract.assertAnswer("GET", "/time/pricing", time.http.get("/time/pricing"));
        contract.assertAnswer("GET", "/time/balance", time.http.get("/time/balance", user));
        contract.assertAnswer("GET", "/time/balance", problem(401, time.http.get("/time/balance")));
        contract.assertAnswer(
                "POST",
                "/time/sessions",
                problem(402, time.http.post("/time/sessions", Map.of("room_name", "doc-room"), user)));

        JsonNode bought = contract.assertAnswer(
                        "POST", "/time/purchase", time.purchase("7001", "basic_5h", "pm_card_visa"))
                .json();
        contract.assertAnswer(
                "POST", "/time/purchase", problem(404, time.purchase("7001", "no_such_package", "pm_card_visa")));
        contract.assertAnswer(
                "POST",
                "/time/purchase",
                problem(400, time.http.post("/time/purchase", Map.of("payment_method_id", "pm_card_visa"), user)));
        String purchase = bought.get("purchase_id").asString();
        contract.assertAnswer(
                "GET", "/time/purchases/{purchaseId}", time.http.get("/time/purchases/" + purchase, user));
        contract.assertAnswer(
                "GET",
                "/time/purchases/{purchaseId}",
                problem(404, time.http.get("/time/purchases/" + purchase, Tokens.user("7002"))));
        contract.assertAnswer("GET", "/time/transactions", time.http.get("/time/transactions", user));
        contract.assertAnswer(
                "GET", "/time/transactions", problem(400, time.http.get("/time/transactions?limit=0", user)));

        JsonNode started = contract.assertAnswer(
                        "POST",
                        "/time/sessions",
                        time.http.post("/time/sessions", Map.of("room_name", "doc-room"), user))
                .json();
        String session = started.get("session_id").asString();
        contract.assertAnswer(
                "POST",
                "/time/sessions/{id}/heartbeat",
                time.http.post("/time/sessions/" + session + "/heartbeat", Map.of(), user));
        contract.assertAnswer("GET", "/time/sessions/{id}", time.http.get("/time/sessions/" + session, user));
        contract.assertAnswer("GET", "/time/sessions", time.http.get("/time/sessions", user));
        contract.assertAnswer(
                "POST",
                "/time/sessions/{id}/end",
                time.http.post("/time/sessions/" + session + "/end", Map.of(), user));
        contract.assertAnswer(
                "POST",
                "/time/sessions/{id}/heartbeat",
                problem(409, time.http.post("/time/sessions/" + session + "/heartbeat", Map.of(), user)));

        contract.assertAnswer(
                "GET",
                "/time/admin/accounts/{userId}",
                time.http.get("/time/admin/accounts/7001", Tokens.adminOnly("1")));
        contract.assertAnswer(
                "GET", "/time/admin/accounts/{userId}", problem(403, time.http.get("/time/admin/accounts/7001", user)));
        contract.assertAnswer(
                "POST",
                "/webhooks/stripe",
                problem(
                        400,
                        time.http.send(
                                "POST", "/webhooks/stripe", "{}", null, Map.of("Stripe-Signature", "t=1,v1=bad"))));
    }

    @Test
    void adminGrantRefusalsAreTheDocumentedOnes() {
        String path = "/time/admin/grants";
        String user = auth.newUser();
        contract.assertAnswer("POST", path, ok(grant(user, 600, "grant-" + user)));
        contract.assertAnswer("POST", path, problem(422, "idempotency_key_reused", grant(user, 601, "grant-" + user)));
        contract.assertAnswer("POST", path, problem(400, "invalid_idempotency_key", grant(user, 600, "not a key")));
        contract.assertAnswer("POST", path, problem(400, "validation_failed", grant(user, 0, null)));
        contract.assertAnswer("POST", path, problem(400, "invalid_user_id", grant("abc", 600, null)));
        contract.assertAnswer("POST", path, problem(404, "unknown_user", grant("999999", 600, null)));
        contract.assertAnswer("POST", path, problem(409, "revoke_exceeds_available", grant(user, -601, null)));
        contract.assertAnswer(
                "POST",
                path,
                problem(
                        403,
                        "forbidden",
                        time.http.post(
                                path,
                                Map.of("user_id", user, "seconds", 60, "reason", "api document"),
                                Tokens.user(user))));
    }

    @Test
    void adminRefundRefusalsAreTheDocumentedOnes() {
        String path = "/time/admin/purchases/{purchaseId}/refund";
        String user = auth.newUser();
        String paid = time.purchase(user, "starter_1h", "pm_card_visa")
                .json()
                .path("purchase_id")
                .asString();
        String unpaid = time.purchase(user, "starter_1h", "pm_card_authenticationRequired")
                .json()
                .path("purchase_id")
                .asString();
        contract.assertAnswer("POST", path, problem(400, "refund_exceeds_remaining", refund(paid, 1_000_000L)));
        contract.assertAnswer("POST", path, problem(400, "validation_failed", refund(paid, 0L)));
        contract.assertAnswer("POST", path, ok(refund(paid, 100L)));
        contract.assertAnswer("POST", path, ok(refund(paid, null)));
        contract.assertAnswer("POST", path, problem(409, "already_refunded", refund(paid, null)));
        contract.assertAnswer("POST", path, problem(409, "purchase_not_refundable", refund(unpaid, null)));
        contract.assertAnswer("POST", path, problem(404, "not_found", refund("pur_nope", null)));
    }

    /**
     * Without LiveKit keys a development service verifies webhooks with livekit-server --dev's pair.
     * (The documented 503 livekit_not_configured is production's answer without keys, checked in
     * LiveKitUnconfiguredIT; 400 and 401 with real keys in LiveKitWebhookIT.)
     */
    @Test
    void liveKitWebhookSignedWithTheDevelopmentKeysAnswersAsDocumented() {
        String body = "{\"event\":\"participant_joined\",\"room\":{\"name\":\"doc-room\"},\"id\":\"EV_doc\"}";
        contract.assertAnswer(
                "POST",
                "/webhooks/livekit",
                ok(time.http.send(
                        "POST", "/webhooks/livekit", body, null, LiveKitSignatures.developmentWebhookHeaders(body))));
        contract.assertAnswer(
                "POST",
                "/webhooks/livekit",
                problem(
                        401,
                        "invalid_signature",
                        time.http.send(
                                "POST", "/webhooks/livekit", body, null, Map.of("Authorization", "not a signature"))));
    }

    /** Last, as it stops the auth service: what a grant answers when auth cannot say whether the user exists. */
    @Test
    @Order(Integer.MAX_VALUE)
    void grantWhileAuthIsDownIsTheDocumented503() {
        auth.close();
        contract.assertAnswer("POST", "/time/admin/grants", problem(503, "auth_unavailable", grant("42", 60, null)));
    }

    private static Http.Response grant(String userId, long seconds, String idempotencyKey) {
        Map<String, Object> body = new HashMap<>();
        body.put("user_id", userId);
        body.put("seconds", seconds);
        body.put("reason", "api document");
        return time.http.send(
                "POST",
                "/time/admin/grants",
                Http.json(body),
                ADMIN,
                idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey));
    }

    private static Http.Response refund(String purchaseId, Long cents) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", "api document");
        if (cents != null) {
            body.put("amount_cents", cents);
        }
        return time.http.post("/time/admin/purchases/" + purchaseId + "/refund", body, ADMIN);
    }
}
