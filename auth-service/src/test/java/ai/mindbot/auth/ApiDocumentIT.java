package ai.mindbot.auth;

import static ai.mindbot.common.test.Responses.problem;
import static org.assertj.core.api.Assertions.assertThat;

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
 * auth-service's OpenAPI document, served at /v3/api-docs to anyone: it names every endpoint the
 * service maps, its security follows SecurityConfig, and real answers (successes and problems)
 * match the schemas it gives them. The document does not depend on the database: SQLite only.
 */
class ApiDocumentIT {

    private static AuthServer server;
    private static ApiContract contract;

    @BeforeAll
    static void start() {
        server = AuthServer.start(TestDatabase.SQLITE);
        contract = ApiContract.of(server.http);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void namesEveryEndpointTheServiceMaps() {
        Set<String> endpoints = ApiContract.endpointsOf(server.bean(DispatcherServlet.class));
        assertThat(endpoints).contains("POST /auth/login", "GET /auth/admin/users/{id}", "GET /app/config");
        assertThat(contract.operations()).containsAll(endpoints);
    }

    @Test
    void securityAndItsRefusalsFollowSecurityConfig() {
        JsonNode login = contract.operation("POST", "/auth/login");
        assertThat(login.path("security").isEmpty()).isTrue();
        assertThat(login.path("responses").has("401")).isTrue(); // its own: invalid_credentials
        assertThat(contract.operation("GET", "/app/config").path("responses").has("401"))
                .isFalse();

        JsonNode me = contract.operation("GET", "/auth/me");
        assertThat(me.path("security").get(0).path("bearer").toString()).isEqualTo("[\"user\"]");
        assertThat(me.path("responses").has("401")).isTrue();
        JsonNode admin = contract.operation("POST", "/auth/admin/users/{id}/disable");
        assertThat(admin.path("security").get(0).path("bearer").toString()).isEqualTo("[\"admin\"]");
        assertThat(admin.path("responses")
                        .path("403")
                        .path("content")
                        .path("application/problem+json")
                        .path("examples")
                        .has("forbidden"))
                .isTrue();
        assertThat(admin.path("responses")
                        .path("409")
                        .path("content")
                        .path("application/problem+json")
                        .path("examples")
                        .has("cannot_disable_self"))
                .isTrue();
    }

    @Test
    void answersMatchTheirDocumentedSchemas() {
        String email = AuthServer.newEmail();
        Map<String, String> registration =
                Map.of("email", email, "password", AuthServer.PASSWORD, "full_name", "Doc Reader");
        JsonNode tokens = contract.assertAnswer(
                        "POST", "/auth/register", server.http.post("/auth/register", registration))
                .json();
        String user = tokens.get("access_token").asString();
        contract.assertAnswer("POST", "/auth/register", problem(409, server.http.post("/auth/register", registration)));
        contract.assertAnswer(
                "POST",
                "/auth/register",
                problem(400, server.http.post("/auth/register", Map.of("email", "not an email"))));
        contract.assertAnswer(
                "POST",
                "/auth/login",
                problem(401, server.http.post("/auth/login", Map.of("email", email, "password", "wrong password"))));
        contract.assertAnswer(
                "POST",
                "/auth/login",
                server.http.post("/auth/login", Map.of("email", email, "password", AuthServer.PASSWORD)));
        contract.assertAnswer(
                "POST",
                "/auth/refresh",
                server.http.post(
                        "/auth/refresh",
                        Map.of("refresh_token", tokens.get("refresh_token").asString())));

        contract.assertAnswer("GET", "/auth/me", server.http.get("/auth/me", user));
        contract.assertAnswer("GET", "/auth/me", problem(401, server.http.get("/auth/me")));
        contract.assertAnswer(
                "POST", "/auth/token", server.http.post("/auth/token", Map.of("room_name", "doc-room"), user));
        contract.assertAnswer("POST", "/auth/guest", server.http.post("/auth/guest", Map.of()));
        contract.assertAnswer("GET", "/app/config", server.http.get("/app/config"));
        contract.assertAnswer(
                "POST",
                "/auth/password/reset-request",
                server.http.post("/auth/password/reset-request", Map.of("email", email)));

        long id = server.http.get("/auth/me", user).json().get("id").asLong();
        contract.assertAnswer(
                "GET", "/auth/admin/users/{id}", problem(403, server.http.get("/auth/admin/users/" + id, user)));
        String admin = server.adminToken();
        contract.assertAnswer("GET", "/auth/admin/users/{id}", server.http.get("/auth/admin/users/" + id, admin));
        contract.assertAnswer(
                "GET", "/auth/admin/users/{id}", problem(404, server.http.get("/auth/admin/users/999999", admin)));
        contract.assertAnswer("POST", "/auth/logout", server.http.post("/auth/logout", Map.of(), user));
    }

    @Test
    void passwordChangeRefusalsAreTheDocumentedOnes() {
        String path = "/auth/password";
        String user = server.registerNew().get("access_token").asString();
        Map<String, String> wrong =
                Map.of("current_password", "not the password", "new_password", "a brand new password");
        contract.assertAnswer(
                "POST",
                path,
                server.http.post(
                        path,
                        Map.of("current_password", AuthServer.PASSWORD, "new_password", "another long password"),
                        user));
        contract.assertAnswer(
                "POST",
                path,
                problem(400, "validation_failed", server.http.post(path, Map.of("current_password", "x"), user)));
        contract.assertAnswer(
                "POST", path, problem(401, "unknown_account", server.http.post(path, wrong, Tokens.user("999999"))));
        contract.assertAnswer(
                "POST",
                path,
                problem(403, "not_a_user", server.http.post(path, wrong, Tokens.token("service:doc", null, "user"))));
        contract.assertAnswer("POST", path, problem(403, "forbidden", server.http.post(path, wrong, Tokens.agent())));
        Http.Response refused = server.http.post(path, wrong, user);
        contract.assertAnswer("POST", path, problem(403, "wrong_password", refused));
        for (int guess = 0; guess < 20 && refused.status() == 403; guess++) {
            refused = server.http.post(path, wrong, user);
        }
        contract.assertAnswer("POST", path, problem(429, "rate_limited", refused));
    }

    @Test
    void passwordResetRefusalsAreTheDocumentedOnes() {
        String path = "/auth/password/reset";
        contract.assertAnswer(
                "POST",
                path,
                problem(
                        400,
                        "invalid_reset_token",
                        server.http.post(
                                path, Map.of("token", "no-such-reset-token", "new_password", "a brand new password"))));
        contract.assertAnswer(
                "POST",
                path,
                problem(
                        400,
                        "validation_failed",
                        server.http.post(path, Map.of("new_password", "a brand new password"))));
    }

    @Test
    void disableAndEnableRefusalsAreTheDocumentedOnes() {
        String disable = "/auth/admin/users/{id}/disable";
        String enable = "/auth/admin/users/{id}/enable";
        String admin = server.adminToken();
        long adminId = server.http.get("/auth/me", admin).json().get("id").asLong();
        String user = server.registerNew().get("access_token").asString();
        long id = server.http.get("/auth/me", user).json().get("id").asLong();

        contract.assertAnswer(
                "POST",
                disable,
                server.http.post("/auth/admin/users/" + id + "/disable", Map.of("reason", "api document"), admin));
        contract.assertAnswer(
                "POST",
                "/auth/password",
                problem(
                        403,
                        "account_disabled",
                        server.http.post(
                                "/auth/password",
                                Map.of("current_password", AuthServer.PASSWORD, "new_password", "a brand new password"),
                                user)));
        contract.assertAnswer("POST", enable, server.http.post("/auth/admin/users/" + id + "/enable", Map.of(), admin));
        contract.assertAnswer(
                "POST",
                disable,
                problem(
                        409,
                        "cannot_disable_self",
                        server.http.post("/auth/admin/users/" + adminId + "/disable", Map.of(), admin)));
        contract.assertAnswer(
                "POST",
                disable,
                problem(
                        400,
                        "validation_failed",
                        server.http.post(
                                "/auth/admin/users/" + id + "/disable", Map.of("reason", "x".repeat(501)), admin)));
        contract.assertAnswer(
                "POST",
                disable,
                problem(403, "forbidden", server.http.post("/auth/admin/users/" + id + "/disable", Map.of(), user)));
        for (String verb : List.of("disable", "enable")) {
            String operation = "/auth/admin/users/{id}/" + verb;
            contract.assertAnswer(
                    "POST",
                    operation,
                    problem(404, "not_found", server.http.post("/auth/admin/users/999999/" + verb, Map.of(), admin)));
            contract.assertAnswer(
                    "POST",
                    operation,
                    problem(
                            400,
                            "invalid_parameter",
                            server.http.post("/auth/admin/users/abc/" + verb, Map.of(), admin)));
        }
        contract.assertAnswer(
                "GET",
                "/auth/admin/users/{id}",
                problem(400, "invalid_parameter", server.http.get("/auth/admin/users/abc", admin)));
    }

    @Test
    void swaggerUiIsServedInDevelopment() {
        Http.Response page = server.http.get("/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
    }
}
