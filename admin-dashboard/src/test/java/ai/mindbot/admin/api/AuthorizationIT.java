package ai.mindbot.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.Tokens;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every admin endpoint is for admins only: 401 without a valid token, 403 for other roles, and nothing is done. */
class AuthorizationIT extends DashboardOnBothDatabases {

    record Endpoint(String method, String path, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Endpoint> endpoints() {
        String reason = "{\"reason\":\"test\"}";
        return Stream.of(
                new Endpoint("GET", "/admin/dashboard", null),
                new Endpoint("GET", "/admin/analytics/revenue?days=30", null),
                new Endpoint("GET", "/admin/analytics/usage?days=30", null),
                new Endpoint("GET", "/admin/users?limit=10", null),
                new Endpoint("GET", "/admin/users/1/report", null),
                new Endpoint("GET", "/admin/reports/user/1", null),
                new Endpoint("GET", "/admin/audit", null),
                new Endpoint("GET", "/admin/export/purchases.csv?from=2020-01-01&to=2030-01-01", null),
                new Endpoint("GET", "/admin/export/sessions.csv?from=2020-01-01&to=2030-01-01", null),
                new Endpoint("POST", "/admin/users/1/grant", "{\"seconds\":3600,\"reason\":\"test\"}"),
                new Endpoint("POST", "/admin/purchases/p1/refund", reason),
                new Endpoint("POST", "/admin/users/1/disable", reason),
                new Endpoint("POST", "/admin/users/1/enable", reason),
                new Endpoint("POST", "/admin/sessions/s1/end", reason));
    }

    private Http.Response call(Endpoint e, String bearer) {
        return admin.http.send(e.method(), e.path(), e.body(), bearer, Map.of());
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void refusesCallersWithoutAValidToken(Endpoint endpoint) {
        admin.services.reset();
        for (String bearer : new String[] {
            null,
            "not-a-jwt",
            Tokens.expired("1", "admin@mindbot.test", "admin"),
            Tokens.forged("1", "admin@mindbot.test", "admin")
        }) {
            Http.Response r = call(endpoint, bearer);
            assertThat(r.status()).as("%s with %s", endpoint, bearer).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("code").asString()).isEqualTo("unauthorized");
        }
        assertThat(admin.services.calls()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void refusesSignedInUsersAndServicesThatAreNotAdmins(Endpoint endpoint) {
        admin.services.reset();
        for (String bearer : List.of(Tokens.user(data.bob, "bob@example.com"), Tokens.agent())) {
            Http.Response r = call(endpoint, bearer);
            assertThat(r.status()).as("%s", endpoint).isEqualTo(403);
            assertThat(r.json().get("code").asString()).isEqualTo("forbidden");
        }
        assertThat(admin.services.calls()).isEmpty();
    }

    @Test
    void servesThePanelAndHealthToAnyone() {
        Http.Response page = admin.http.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("MindBot Admin").doesNotContain("http://", "https://");
        assertThat(admin.http.get("/assets/app.js").status()).isEqualTo(200);
        assertThat(admin.http.get("/assets/style.css").status()).isEqualTo(200);
        assertThat(admin.http.get("/health").status()).isEqualTo(200);
    }

    @Test
    void answersAnUnknownAdminPathWith404ForAdmins() {
        Http.Response r = admin.http.get("/admin/nothing-here", Tokens.admin("1", "root@mindbot.test"));
        assertThat(r.status()).isEqualTo(404);
    }
}
