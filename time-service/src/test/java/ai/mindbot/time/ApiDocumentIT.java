package ai.mindbot.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.DispatcherServlet;

import ai.mindbot.common.test.ApiContract;
import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.time.testing.TimeService;
import ai.mindbot.common.test.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * time-service's OpenAPI document, served at /v3/api-docs to anyone: it names every endpoint the
 * service maps, its security follows SecurityConfig, and real answers (successes and problems)
 * match the schemas it gives them. The document does not depend on the database: SQLite only.
 */
class ApiDocumentIT {

    private static TimeService time;
    private static ApiContract contract;

    @BeforeAll
    static void start() {
        time = TimeService.start(TestDatabase.SQLITE);
        contract = ApiContract.of(time.http);
    }

    @AfterAll
    static void stop() {
        time.close();
    }

    @Test
    void namesEveryEndpointTheServiceMaps() {
        Set<String> endpoints = ApiContract.endpointsOf(time.bean(DispatcherServlet.class));
        assertThat(endpoints).contains("POST /time/purchase", "POST /time/sessions/{id}/heartbeat", "POST /webhooks/stripe");
        assertThat(contract.operations()).containsAll(endpoints);
    }

    @Test
    void securityAndItsRefusalsFollowSecurityConfig() {
        assertThat(contract.operation("GET", "/time/pricing").path("security").isEmpty()).isTrue();
        assertThat(contract.operation("POST", "/webhooks/stripe").path("responses").has("401")).isFalse();
        JsonNode purchase = contract.operation("POST", "/time/purchase");
        assertThat(purchase.path("security").get(0).path("bearer").toString()).isEqualTo("[\"user\"]");
        assertThat(purchase.path("responses").path("200").path("content").path("application/json").path("schema")
                .path("$ref").asString()).endsWith("/PurchaseAnswer");
        JsonNode sessions = contract.operation("POST", "/time/sessions");
        assertThat(sessions.path("security").get(0).path("bearer").isEmpty()).isTrue(); // any valid token
        assertThat(contract.operation("POST", "/time/admin/grants").path("security").get(0).path("bearer").toString())
                .isEqualTo("[\"admin\"]");
    }

    @Test
    void answersMatchTheirDocumentedSchemas() {
        String user = Tokens.user("7001");
        contract.assertAnswer("GET", "/time/pricing", time.http.get("/time/pricing"));
        contract.assertAnswer("GET", "/time/balance", time.http.get("/time/balance", user));
        contract.assertAnswer("GET", "/time/balance", problem(401, time.http.get("/time/balance")));
        contract.assertAnswer("POST", "/time/sessions",
                problem(402, time.http.post("/time/sessions", Map.of("room_name", "doc-room"), user)));

        JsonNode bought = contract.assertAnswer("POST", "/time/purchase", time.purchase("7001", "basic_5h", "pm_card_visa"))
                .json();
        contract.assertAnswer("POST", "/time/purchase", problem(404, time.purchase("7001", "no_such_package", "pm_card_visa")));
        contract.assertAnswer("POST", "/time/purchase",
                problem(400, time.http.post("/time/purchase", Map.of("payment_method_id", "pm_card_visa"), user)));
        String purchase = bought.get("purchase_id").asString();
        contract.assertAnswer("GET", "/time/purchases/{purchaseId}", time.http.get("/time/purchases/" + purchase, user));
        contract.assertAnswer("GET", "/time/purchases/{purchaseId}",
                problem(404, time.http.get("/time/purchases/" + purchase, Tokens.user("7002"))));
        contract.assertAnswer("GET", "/time/transactions", time.http.get("/time/transactions", user));
        contract.assertAnswer("GET", "/time/transactions", problem(400, time.http.get("/time/transactions?limit=0", user)));

        JsonNode started = contract.assertAnswer("POST", "/time/sessions",
                time.http.post("/time/sessions", Map.of("room_name", "doc-room"), user)).json();
        String session = started.get("session_id").asString();
        contract.assertAnswer("POST", "/time/sessions/{id}/heartbeat",
                time.http.post("/time/sessions/" + session + "/heartbeat", Map.of(), user));
        contract.assertAnswer("GET", "/time/sessions/{id}", time.http.get("/time/sessions/" + session, user));
        contract.assertAnswer("GET", "/time/sessions", time.http.get("/time/sessions", user));
        contract.assertAnswer("POST", "/time/sessions/{id}/end", time.http.post("/time/sessions/" + session + "/end", Map.of(), user));
        contract.assertAnswer("POST", "/time/sessions/{id}/heartbeat",
                problem(409, time.http.post("/time/sessions/" + session + "/heartbeat", Map.of(), user)));

        contract.assertAnswer("GET", "/time/admin/accounts/{userId}", time.http.get("/time/admin/accounts/7001", Tokens.adminOnly("1")));
        contract.assertAnswer("GET", "/time/admin/accounts/{userId}", problem(403, time.http.get("/time/admin/accounts/7001", user)));
        contract.assertAnswer("POST", "/webhooks/stripe", problem(400, time.http.send("POST", "/webhooks/stripe", "{}", null,
                Map.of("Stripe-Signature", "t=1,v1=bad"))));
    }

    private static Http.Response problem(int status, Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response;
    }
}
