package ai.mindbot.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.DispatcherServlet;

import ai.mindbot.admin.support.AdminUnderTest;
import ai.mindbot.common.test.Tokens;
import ai.mindbot.common.test.ApiContract;
import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.TestDatabase;
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
        assertThat(endpoints).contains("GET /admin/dashboard", "POST /admin/users/{id}/grant", "POST /admin/session/login");
        assertThat(contract.operations()).containsAll(endpoints);
    }

    @Test
    void securityAndItsRefusalsFollowSecurityConfig() {
        assertThat(contract.operation("POST", "/admin/session/login").path("security").isEmpty()).isTrue();
        JsonNode users = contract.operation("GET", "/admin/users");
        assertThat(users.path("security").get(0).path("bearer").toString()).isEqualTo("[\"admin\"]");
        assertThat(users.path("responses").has("403")).isTrue();
        assertThat(contract.operation("GET", "/admin/export/sessions.csv").path("responses").path("200")
                .path("content").has("text/csv")).isTrue();
    }

    @Test
    void answersMatchTheirDocumentedSchemas() {
        contract.assertAnswer("GET", "/admin/dashboard", get("/admin/dashboard"));
        contract.assertAnswer("GET", "/admin/dashboard", problem(401, admin.http.get("/admin/dashboard")));
        contract.assertAnswer("GET", "/admin/dashboard",
                problem(403, admin.http.get("/admin/dashboard", Tokens.user("5", "u@mindbot.test"))));
        contract.assertAnswer("GET", "/admin/analytics/revenue", get("/admin/analytics/revenue?days=30"));
        contract.assertAnswer("GET", "/admin/analytics/usage", get("/admin/analytics/usage?days=7"));
        contract.assertAnswer("GET", "/admin/analytics/usage", problem(400, admin.http.get("/admin/analytics/usage?days=0", TOKEN)));
        contract.assertAnswer("GET", "/admin/users", get("/admin/users?limit=10"));
        contract.assertAnswer("GET", "/admin/users", problem(400, admin.http.get("/admin/users?limit=0", TOKEN)));
        contract.assertAnswer("GET", "/admin/reports/user/{id}", get("/admin/reports/user/" + data.bob));
        contract.assertAnswer("GET", "/admin/reports/user/{id}", problem(404, admin.http.get("/admin/reports/user/999999", TOKEN)));
        contract.assertAnswer("GET", "/admin/export/purchases.csv", get("/admin/export/purchases.csv?from=2026-01-01&to=2026-01-31"));
        contract.assertAnswer("POST", "/admin/users/{id}/grant", ok(admin.http.send("POST", "/admin/users/" + data.bob + "/grant",
                Http.json(Map.of("seconds", 60, "reason", "api document")), TOKEN, Map.of("Idempotency-Key", "doc-1"))));
        contract.assertAnswer("POST", "/admin/users/{id}/grant", problem(400, admin.http.post("/admin/users/" + data.bob + "/grant",
                Map.of("seconds", 0, "reason", "nothing"), TOKEN)));
        contract.assertAnswer("GET", "/admin/audit", get("/admin/audit?limit=5"));
    }

    private static Http.Response get(String path) {
        return ok(admin.http.get(path, TOKEN));
    }

    private static Http.Response ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static Http.Response problem(int status, Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response;
    }
}
