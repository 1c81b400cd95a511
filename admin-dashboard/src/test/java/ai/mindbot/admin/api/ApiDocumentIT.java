package ai.mindbot.admin.api;

import static ai.mindbot.common.test.Responses.ok;
import static ai.mindbot.common.test.Responses.problem;
import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.admin.support.AdminUnderTest;
import ai.mindbot.admin.support.FakeServices.Answer;
import ai.mindbot.common.test.ApiContract;
import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.common.test.Tokens;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.DispatcherServlet;
import tools.jackson.databind.JsonNode;

/**
 * admin-dashboard's OpenAPI document, served at /v3/api-docs to anyone: it names every endpoint the
 * service maps, its security follows SecurityConfig, and real answers (successes and problems)
 * match the schemas it gives them. The document does not depend on the database: SQLite only.
 */
class ApiDocumentIT {

    private static final String TOKEN = Tokens.admin("900", "root@mindbot.test");
    private static AdminUnderTest admin;
    private static BusinessFixture data;
    private static ApiContract contract;

    @BeforeAll
    static void start() {
        admin = AdminUnderTest.start(TestDatabase.SQLITE, business -> data = new BusinessFixture(business));
        contract = ApiContract.of(admin.http);
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    @Test
    void namesEveryEndpointTheServiceMaps() {
        Set<String> endpoints = ApiContract.endpointsOf(admin.service.context().getBean(DispatcherServlet.class));
        assertThat(endpoints)
                .contains("GET /admin/dashboard", "POST /admin/users/{id}/grant", "POST /admin/session/login");
        assertThat(contract.operations()).containsAll(endpoints);
    }

    @Test
    void securityAndItsRefusalsFollowSecurityConfig() {
        assertThat(contract.operation("POST", "/admin/session/login")
                        .path("security")
                        .isEmpty())
                .isTrue();
        JsonNode users = contract.operation("GET", "/admin/users");
        assertThat(users.path("security").get(0).path("bearer").toString()).isEqualTo("[\"admin\"]");
        assertThat(users.path("responses").has("403")).isTrue();
        assertThat(contract.operation("GET", "/admin/export/sessions.csv")
                        .path("responses")
                        .path("200")
                        .path("content")
                        .has("text/csv"))
                .isTrue();
    }

    @Test
    void answersMatchTheirDocumentedSchemas() {
        contract.assertAnswer("GET", "/admin/dashboard", get("/admin/dashboard"));
        contract.assertAnswer("GET", "/admin/dashboard", problem(401, admin.http.get("/admin/dashboard")));
        contract.assertAnswer(
                "GET",
                "/admin/dashboard",
                problem(403, admin.http.get("/admin/dashboard", Tokens.user("5", "u@mindbot.test"))));
        contract.assertAnswer("GET", "/admin/analytics/revenue", get("/admin/analytics/revenue?days=30"));
        contract.assertAnswer("GET", "/admin/analytics/usage", get("/admin/analytics/usage?days=7"));
        contract.assertAnswer(
                "GET", "/admin/analytics/usage", problem(400, admin.http.get("/admin/analytics/usage?days=0", TOKEN)));
        contract.assertAnswer("GET", "/admin/users", get("/admin/users?limit=10"));
        contract.assertAnswer("GET", "/admin/users", problem(400, admin.http.get("/admin/users?limit=0", TOKEN)));
        contract.assertAnswer("GET", "/admin/reports/user/{id}", get("/admin/reports/user/" + data.bob));
        contract.assertAnswer(
                "GET", "/admin/reports/user/{id}", problem(404, admin.http.get("/admin/reports/user/999999", TOKEN)));
        contract.assertAnswer(
                "GET", "/admin/export/purchases.csv", get("/admin/export/purchases.csv?from=2026-01-01&to=2026-01-31"));
        contract.assertAnswer(
                "POST",
                "/admin/users/{id}/grant",
                ok(admin.http.send(
                        "POST",
                        "/admin/users/" + data.bob + "/grant",
                        Http.json(Map.of("seconds", 60, "reason", "api document")),
                        TOKEN,
                        Map.of("Idempotency-Key", "doc-1"))));
        contract.assertAnswer(
                "POST",
                "/admin/users/{id}/grant",
                problem(
                        400,
                        admin.http.post(
                                "/admin/users/" + data.bob + "/grant",
                                Map.of("seconds", 0, "reason", "nothing"),
                                TOKEN)));
        contract.assertAnswer("GET", "/admin/audit", get("/admin/audit?limit=5"));
    }

    @Test
    void exportsDocumentTheDatesTheyRequire() {
        for (String export : List.of("/admin/export/purchases.csv", "/admin/export/sessions.csv")) {
            JsonNode parameters = contract.operation("GET", export).path("parameters");
            assertThat(parameters).extracting(p -> p.path("name").asString()).containsExactlyInAnyOrder("from", "to");
            assertThat(parameters).allSatisfy(p -> {
                assertThat(p.path("required").asBoolean()).as(export + " " + p).isTrue();
                assertThat(p.path("schema").path("format").asString()).isEqualTo("date");
            });
            contract.assertAnswer(
                    "GET", export, problem(400, "invalid_date", admin.http.get(export + "?to=2026-01-31", TOKEN)));
            contract.assertAnswer(
                    "GET",
                    export,
                    problem(400, "invalid_range", admin.http.get(export + "?from=2026-02-01&to=2026-01-31", TOKEN)));
        }
    }

    @Test
    void actionRefusalsAreTheDocumentedOnes() {
        String refund = "/admin/purchases/{id}/refund";
        String purchase = "/admin/purchases/" + data.adaRefundedPurchase + "/refund";
        String timeRefund = "/time/admin/purchases/" + data.adaRefundedPurchase + "/refund";
        try {
            contract.assertAnswer(
                    "POST", refund, ok(admin.http.post(purchase, Map.of("reason", "api document"), TOKEN)));
            contract.assertAnswer(
                    "POST",
                    refund,
                    problem(
                            404,
                            "not_found",
                            admin.http.post(
                                    "/admin/purchases/pur_nope/refund", Map.of("reason", "api document"), TOKEN)));
            contract.assertAnswer(
                    "POST",
                    refund,
                    problem(
                            400,
                            "validation_failed",
                            admin.http.post(purchase, Map.of("amount_cents", 0, "reason", "api document"), TOKEN)));
            for (String code : List.of("purchase_not_refundable", "already_refunded")) {
                admin.services.answer(timeRefund, c -> Answer.problem(409, code, "refused by time"));
                contract.assertAnswer(
                        "POST",
                        refund,
                        problem(409, code, admin.http.post(purchase, Map.of("reason", "api document"), TOKEN)));
            }
            admin.services.answer(timeRefund, c -> Answer.problem(400, "refund_exceeds_remaining", "too much"));
            contract.assertAnswer(
                    "POST",
                    refund,
                    problem(
                            400,
                            "refund_exceeds_remaining",
                            admin.http.post(
                                    purchase, Map.of("amount_cents", 999999, "reason", "api document"), TOKEN)));
            admin.services.answer(timeRefund, c -> new Answer(503, "{}"));
            contract.assertAnswer(
                    "POST",
                    refund,
                    problem(
                            502,
                            "service_unavailable",
                            admin.http.post(purchase, Map.of("reason", "api document"), TOKEN)));

            String grant = "/admin/users/{id}/grant";
            admin.services.answer(
                    "/time/admin/grants", c -> Answer.problem(409, "revoke_exceeds_available", "too much"));
            contract.assertAnswer(
                    "POST",
                    grant,
                    problem(
                            409,
                            "revoke_exceeds_available",
                            admin.http.post(
                                    "/admin/users/" + data.bob + "/grant",
                                    Map.of("seconds", -99999, "reason", "api document"),
                                    TOKEN)));

            for (String verb : List.of("disable", "enable")) {
                String operation = "/admin/users/{id}/" + verb;
                String path = "/admin/users/" + data.cy + "/" + verb;
                contract.assertAnswer(
                        "POST", operation, ok(admin.http.post(path, Map.of("reason", "api document"), TOKEN)));
                contract.assertAnswer(
                        "POST",
                        operation,
                        problem(
                                404,
                                "not_found",
                                admin.http.post(
                                        "/admin/users/424242/" + verb, Map.of("reason", "api document"), TOKEN)));
                contract.assertAnswer(
                        "POST", operation, problem(400, "validation_failed", admin.http.post(path, Map.of(), TOKEN)));
                admin.services.answer("/time/admin/accounts/" + data.cy + "/" + verb, c -> new Answer(503, "{}"));
                contract.assertAnswer(
                        "POST",
                        operation,
                        problem(
                                502,
                                "partially_applied",
                                admin.http.post(path, Map.of("reason", "api document"), TOKEN)));
            }

            for (String single : List.of(refund, "/admin/users/{id}/grant", "/admin/sessions/{id}/end")) {
                assertThat(contract.operation("POST", single)
                                .path("responses")
                                .path("502")
                                .path("content")
                                .path("application/problem+json")
                                .path("examples")
                                .has("partially_applied"))
                        .as(single)
                        .isFalse();
            }

            String end = "/admin/sessions/{id}/end";
            String session = "/admin/sessions/" + data.bobLiveSession + "/end";
            contract.assertAnswer("POST", end, ok(admin.http.post(session, Map.of("reason", "api document"), TOKEN)));
            contract.assertAnswer(
                    "POST",
                    end,
                    problem(
                            404,
                            "not_found",
                            admin.http.post("/admin/sessions/ses_nope/end", Map.of("reason", "api document"), TOKEN)));
            contract.assertAnswer(
                    "POST", end, problem(400, "validation_failed", admin.http.post(session, Map.of(), TOKEN)));
            admin.services.answer("/time/admin/sessions/" + data.bobLiveSession + "/end", c -> new Answer(500, "{}"));
            contract.assertAnswer(
                    "POST",
                    end,
                    problem(
                            502,
                            "service_unavailable",
                            admin.http.post(session, Map.of("reason", "api document"), TOKEN)));
        } finally {
            admin.services.reset();
        }
    }

    private static Http.Response get(String path) {
        return ok(admin.http.get(path, TOKEN));
    }
}
