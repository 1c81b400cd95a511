package ai.mindbot.launcher;

import static ai.mindbot.common.test.Responses.problem;
import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three real services, as ./mindbot runs them, to callers from elsewhere (named by the proxy in
 * X-Forwarded-For): /health gives them its status only, and its details to an admin's token or a
 * caller on this machine; a browser preflight from CORS_ALLOWED_ORIGINS is answered on each
 * service's own API, one from any other origin refused.
 */
class PublicExposureIT {

    static final String APP = "https://app.example.test";
    static RunningSystem system;

    @BeforeAll
    static void start() {
        Map<String, String> settings = RunningSystem.freshSettings(TestDatabase.SQLITE);
        settings.put("CORS_ALLOWED_ORIGINS", APP);
        system = RunningSystem.start(settings);
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    /** Each service and a route of its own API a browser page would call with a token. */
    static List<Map.Entry<Http, String>> services() {
        return List.of(
                Map.entry(system.auth, "/auth/me"),
                Map.entry(system.time, "/time/purchase"),
                Map.entry(system.admin, "/admin/dashboard"));
    }

    @Test
    void healthShowsItsDetailsOnlyToAdminsAndThisMachine() {
        String admin = system.adminToken();
        for (Map.Entry<Http, String> service : services()) {
            Http http = service.getKey();
            Http.Response outsider = http.send("GET", "/health", null, null, Map.of("X-Forwarded-For", "198.51.100.7"));
            assertThat(outsider.status()).isEqualTo(200);
            assertThat(outsider.json().path("status").asString()).isEqualTo("UP");
            assertThat(outsider.body()).doesNotContain("components", "path", "SQLite");

            Http.Response remoteAdmin =
                    http.send("GET", "/health", null, admin, Map.of("X-Forwarded-For", "198.51.100.7"));
            Http.Response local = http.get("/health");
            for (Http.Response insider : List.of(remoteAdmin, local)) {
                assertThat(insider.body()).contains("\"database\":\"SQLite\""); // the admin's db has two data sources
                assertThat(insider.json()
                                .path("components")
                                .path("diskSpace")
                                .path("details")
                                .has("path"))
                        .isTrue();
            }
        }
    }

    @Test
    void eachServiceAnswersPreflightsFromTheAllowedOriginOnlyAndSaysWhy() {
        for (Map.Entry<Http, String> service : services()) {
            Http http = service.getKey();
            Http.Response allowed = preflight(http, service.getValue(), APP);
            assertThat(allowed.status()).as(service.getValue()).isEqualTo(200);
            assertThat(allowed.header("access-control-allow-origin")).isEqualTo(APP);

            Http.Response refused = preflight(http, service.getValue(), "https://elsewhere.example");
            assertThat(problem(403, "cors_refused", refused).header("access-control-allow-origin"))
                    .as(service.getValue())
                    .isNull();
        }
    }

    private static Http.Response preflight(Http http, String path, String origin) {
        return http.send(
                "OPTIONS",
                path,
                null,
                null,
                Map.of(
                        "Origin",
                        origin,
                        "Access-Control-Request-Method",
                        "POST",
                        "Access-Control-Request-Headers",
                        "authorization,content-type"));
    }
}
