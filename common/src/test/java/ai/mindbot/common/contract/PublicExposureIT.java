package ai.mindbot.common.contract;

import static ai.mindbot.common.test.Responses.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.RunningService;
import ai.mindbot.common.test.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What a service shows and allows to callers from elsewhere, over real HTTP: /health's details only
 * to admins and the internal network (here 203.0.113.0/24 besides loopback), browsers' cross-origin
 * calls only from CORS_ALLOWED_ORIGINS, and production refusing plain-HTTP public addresses in one
 * message. Callers "from elsewhere" reach the service through a proxy, which names them in
 * X-Forwarded-For, as nginx in front of it does.
 */
@ExtendWith(OutputCaptureExtension.class)
class PublicExposureIT {

    static final String APP = "https://app.example.test";
    static RunningService service;
    static Http http;

    @BeforeAll
    static void start() {
        Map<String, String> props = new HashMap<>(TestDatabase.SQLITE.freshProperties());
        props.put("JWT_SECRET", CommonWebContractIT.SECRET);
        props.put("CORS_ALLOWED_ORIGINS", APP);
        props.put("INTERNAL_NETWORKS", "203.0.113.0/24");
        service = RunningService.start(ContractApp.builder(), props);
        http = new Http(service.baseUrl());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static Http.Response health(String forwardedFor, String token) {
        Map<String, String> headers = forwardedFor == null ? Map.of() : Map.of("X-Forwarded-For", forwardedFor);
        return http.send("GET", "/health", null, token, headers);
    }

    @Test
    void healthTellsOutsidersOnlyItsStatus() {
        for (Http.Response outsider : new Http.Response[] {
            health("198.51.100.7", null),
            health("198.51.100.7", CommonWebContractIT.valid("user")),
            health("127.0.0.1, 198.51.100.7", null)
        }) { // claiming loopback does not help
            assertStatusOnly(outsider);
        }
    }

    /** The status (and the names of the probe groups); no components, no details. */
    static void assertStatusOnly(Http.Response health) {
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
        assertThat(health.json().propertyNames()).containsAnyOf("status").isSubsetOf("status", "groups");
        assertThat(health.body()).doesNotContain("SQLite", "path", "components");
    }

    @Test
    void healthShowsItsDetailsToAdminsAndTheInternalNetwork() {
        for (Http.Response insider : new Http.Response[] {
            health("198.51.100.7", CommonWebContractIT.valid("admin")), // an admin from anywhere
            health(null, null), // loopback, no proxy
            health("203.0.113.40", null)
        }) { // INTERNAL_NETWORKS, through the proxy
            assertThat(insider.status()).isEqualTo(200);
            assertThat(insider.json()
                            .path("components")
                            .path("db")
                            .path("details")
                            .path("database")
                            .asString())
                    .isEqualTo("SQLite");
            assertThat(insider.json()
                            .path("components")
                            .path("diskSpace")
                            .path("details")
                            .has("path"))
                    .isTrue();
        }
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnswered() {
        Http.Response preflight = preflight(APP, "POST", "authorization,content-type");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("access-control-allow-origin")).isEqualTo(APP);
        assertThat(preflight.header("access-control-allow-methods")).contains("POST");
        assertThat(preflight.header("access-control-allow-headers").toLowerCase())
                .contains("authorization", "content-type");

        Http.Response call = http.send(
                "POST",
                "/greet",
                Http.json(Map.of("name", "Ada", "times", 1)),
                CommonWebContractIT.valid("user"),
                Map.of("Origin", APP));
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.header("access-control-allow-origin")).isEqualTo(APP);
        assertThat(call.header("access-control-expose-headers")).contains("X-Request-Id");
    }

    @Test
    void aPreflightFromAnyOtherOriginIsRefusedAsAProblem() {
        for (Http.Response refused : new Http.Response[] {
            preflight("https://evil.example", "POST", "authorization"),
            preflight("http://app.example.test", "POST", "authorization"), // same host, other scheme
            preflight(APP, "POST", "x-not-allowed")
        }) { // allowed origin, header it may not send
            assertThat(problem(403, "cors_refused", refused).header("access-control-allow-origin"))
                    .isNull();
        }
    }

    @Test
    void anOrdinaryRequestFromAnotherOriginGetsNoCorsHeaders() {
        Http.Response call = http.send(
                "POST",
                "/greet",
                Http.json(Map.of("name", "Ada", "times", 1)),
                CommonWebContractIT.valid("user"),
                Map.of("Origin", "https://evil.example"));
        assertThat(call.status()).isEqualTo(200); // answered, but the browser keeps it from that page
        assertThat(call.header("access-control-allow-origin")).isNull();
    }

    @Test
    void productionRefusesAPlainHttpOriginInOneMessage(CapturedOutput output) {
        Map<String, String> props = new HashMap<>(TestDatabase.SQLITE.freshProperties());
        props.put("MINDBOT_ENV", "production");
        props.put("JWT_SECRET", CommonWebContractIT.SECRET);
        props.put("CORS_ALLOWED_ORIGINS", "http://app.example.test");

        Throwable refused = catchThrowable(
                () -> RunningService.start(ContractApp.builder(), props).close());

        assertThat(refused).as("the service must not start").isNotNull();
        assertThat(output)
                .contains(
                        "APPLICATION FAILED TO START",
                        "MINDBOT_ENV=production serves the public over TLS only, but "
                                + "CORS_ALLOWED_ORIGINS=http://app.example.test is not encrypted");
    }

    private static Http.Response preflight(String origin, String method, String headers) {
        return http.send(
                "OPTIONS",
                "/greet",
                null,
                null,
                Map.of(
                        "Origin",
                        origin,
                        "Access-Control-Request-Method",
                        method,
                        "Access-Control-Request-Headers",
                        headers));
    }
}
