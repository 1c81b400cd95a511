package ai.mindbot.common.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.RunningService;
import ai.mindbot.common.test.TestDatabase;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The error and security contract every service gets from common, checked over real HTTP on a
 * small app (the launcher's {@code ServiceConventionsIT} checks the real services). Tokens
 * are made with java-jwt, a library independent of the Nimbus code that verifies them.
 */
class CommonWebContractIT {

    static final String SECRET = "test-secret-that-is-long-enough-for-hs256-0123456789";
    static RunningService service;
    static Http http;

    @BeforeAll
    static void start() {
        Map<String, String> props = new HashMap<>(TestDatabase.SQLITE.freshProperties());
        props.put("JWT_SECRET", SECRET);
        props.put("mindbot.http.max-body-bytes", "1024");
        service = RunningService.start(ContractApp.builder(), props);
        http = new Http(service.baseUrl());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static String token(String issuer, Instant expires, String... roles) {
        return JWT.create()
                .withSubject("42")
                .withIssuer(issuer)
                .withClaim("email", "a@b.c")
                .withClaim("roles", List.of(roles))
                .withIssuedAt(Instant.now())
                .withExpiresAt(expires)
                .sign(Algorithm.HMAC256(SECRET.getBytes(StandardCharsets.UTF_8)));
    }

    static String valid(String... roles) {
        return token("mindbot-auth", Instant.now().plusSeconds(300), roles);
    }

    static void assertProblem(Http.Response response, int status, String code) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().path("code").asString()).isEqualTo(code);
        assertThat(response.json().path("request_id").asString()).isEqualTo(response.header("x-request-id"));
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at ai.mindbot");
    }

    @Test
    void acceptsAValidTokenAndReadsTheCaller() {
        Http.Response ok = http.post("/greet", Map.of("name", "Ada", "times", 2), valid("user"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).contains("\"caller\":\"42\"");
    }

    @Test
    void refusesMissingExpiredForeignAndUnsignedTokens() {
        assertProblem(http.post("/greet", Map.of("name", "Ada", "times", 1)), 401, "unauthorized");
        assertProblem(
                http.post(
                        "/greet",
                        Map.of("name", "Ada", "times", 1),
                        token("mindbot-auth", Instant.now().minusSeconds(120), "user")),
                401,
                "unauthorized");
        assertProblem(
                http.post(
                        "/greet",
                        Map.of("name", "Ada", "times", 1),
                        token("someone-else", Instant.now().plusSeconds(300), "user")),
                401,
                "unauthorized");
        String unsigned = JWT.create()
                .withSubject("42")
                .withIssuer("mindbot-auth")
                .withExpiresAt(Instant.now().plusSeconds(300))
                .sign(Algorithm.none());
        assertProblem(http.post("/greet", Map.of("name", "Ada", "times", 1), unsigned), 401, "unauthorized");
        String hs512 = JWT.create()
                .withSubject("42")
                .withIssuer("mindbot-auth")
                .withExpiresAt(Instant.now().plusSeconds(300))
                .sign(Algorithm.HMAC512(SECRET.getBytes(StandardCharsets.UTF_8)));
        assertProblem(http.post("/greet", Map.of("name", "Ada", "times", 1), hs512), 401, "unauthorized");
        String noExpiry = JWT.create()
                .withSubject("42")
                .withIssuer("mindbot-auth")
                .sign(Algorithm.HMAC256(SECRET.getBytes(StandardCharsets.UTF_8)));
        assertProblem(http.post("/greet", Map.of("name", "Ada", "times", 1), noExpiry), 401, "unauthorized");
    }

    @Test
    void answersForbiddenToAUserOnAnAdminRoute() {
        assertProblem(http.get("/admin-only", valid("user")), 403, "forbidden");
        assertThat(http.get("/admin-only", valid("user", "admin")).status()).isEqualTo(200);
    }

    @Test
    void explainsMalformedAndInvalidBodies() {
        assertProblem(http.post("/greet", "{\"name\": ", valid("user")), 400, "malformed_body");
        assertProblem(http.post("/greet", "[1,2]", valid("user")), 400, "malformed_body");
        Http.Response invalid = http.post("/greet", Map.of("name", "", "times", 99), valid("user"));
        assertProblem(invalid, 400, "validation_failed");
        assertThat(invalid.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("name", "times");
    }

    @Test
    void refusesTextThatIsNotUnicodeWithTheFieldNamed() {
        // valid JSON whose string holds half a surrogate pair: no Java text API can encode it
        Http.Response lone = http.post("/greet", "{\"name\":\"Ada\\ud83d\",\"times\":1}", valid("user"));
        assertProblem(lone, 400, "validation_failed");
        assertThat(lone.json().path("errors").findValuesAsString("field")).containsExactly("name");
        Http.Response reversed = http.post("/greet", "{\"name\":\"\\ude00Ada\",\"times\":1}", valid("user"));
        assertProblem(reversed, 400, "validation_failed");
        // PostgreSQL cannot store NUL in text, so it is refused before it gets near a database
        assertProblem(
                http.post("/greet", "{\"name\":\"A\\u0000da\",\"times\":1}", valid("user")), 400, "validation_failed");
        // a whole pair is an ordinary character
        assertThat(http.post("/greet", "{\"name\":\"Ada \\ud83d\\ude00\",\"times\":1}", valid("user"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void takesIntegersOnlyWhereAnIntegerIsExpected() {
        for (String times : new String[] {"1.5", "2.0", "1e0", "\"2\"", "true"}) {
            Http.Response r = http.post("/greet", "{\"name\":\"Ada\",\"times\":" + times + "}", valid("user"));
            assertProblem(r, 400, "validation_failed");
            assertThat(r.json().path("errors").findValuesAsString("field"))
                    .as(times)
                    .containsExactly("times");
        }
        assertThat(http.post("/greet", "{\"name\":\"Ada\",\"times\":2}", valid("user"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void answersContainerLevelRefusalsAsProblems() {
        Http.Response longHeader = http.send("GET", "/health", null, null, Map.of("X-Long", "x".repeat(10_000)));
        assertThat(longHeader.status()).isBetween(400, 499);
        assertThat(longHeader.contentType()).startsWith("application/problem+json");
        assertThat(longHeader.json().path("status").asInt()).isEqualTo(longHeader.status());
        assertThat(longHeader.body()).doesNotContain("<html").doesNotContain("Tomcat");

        Http.Response encodedSlash = http.get("/things/a%2Fb", valid("user"));
        assertThat(encodedSlash.status()).isEqualTo(400);
        assertThat(encodedSlash.contentType()).startsWith("application/problem+json");
        assertThat(encodedSlash.body()).doesNotContain("<html").doesNotContain("Tomcat");

        Http.Response encodedBackslash = http.get("/things/a%5Cb", valid("user"));
        assertThat(encodedBackslash.status()).isBetween(200, 499);
        assertThat(encodedBackslash.contentType()).doesNotContain("html");
    }

    @Test
    void capsRequestBodies() {
        String big = "{\"name\":\"" + "x".repeat(2000) + "\",\"times\":1}";
        assertProblem(http.post("/greet", big, valid("user")), 413, "body_too_large");
    }

    @Test
    void answersUnknownRoutesAndMethodsWithTheirStatus() {
        assertProblem(http.get("/no-such-thing", valid("user")), 404, "not_found");
        assertProblem(http.send("DELETE", "/greet", null, valid("user"), Map.of()), 405, "method_not_allowed");
        assertProblem(
                http.send("POST", "/greet", "name=x", valid("user"), Map.of("Content-Type", "text/plain")),
                415,
                "unsupported_media_type");
    }

    @Test
    void mapsDomainRefusalsAndHidesInternalErrors() {
        Http.Response limited = http.get("/teapot", valid("user"));
        assertProblem(limited, 429, "slow_down");
        assertThat(limited.header("retry-after")).isEqualTo("42");
        assertProblem(http.get("/teapot?cups=abc", valid("user")), 400, "invalid_parameter");
        Http.Response boom = http.get("/boom", valid("user"));
        assertProblem(boom, 500, "internal_error");
        assertThat(boom.body()).doesNotContain("internal detail");
    }

    @Test
    void echoesASaneRequestIdAndReplacesAnUnsafeOne() {
        Http.Response given = http.send("GET", "/health", null, null, Map.of("X-Request-Id", "abc-123"));
        assertThat(given.header("x-request-id")).isEqualTo("abc-123");
        Http.Response replaced = http.send("GET", "/health", null, null, Map.of("X-Request-Id", "bad id\u00e9"));
        assertThat(replaced.header("x-request-id")).isNotEqualTo("bad id\u00e9").hasSize(36);
    }
}
