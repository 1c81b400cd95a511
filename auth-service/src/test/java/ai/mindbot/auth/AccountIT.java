package ai.mindbot.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.Http;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Register, login, /auth/me and password change over HTTP, with every way to get them wrong. */
class AccountIT extends OnBothDatabases {

    @Test
    void registerAnswers201WithTheSessionAndMeShowsTheAccount() {
        String email = AuthServer.newEmail();
        Http.Response response = server.http.post(
                "/auth/register",
                Map.of(
                        "email",
                        "  " + email.toUpperCase() + " ",
                        "password",
                        AuthServer.PASSWORD,
                        "full_name",
                        " Ada Lovelace "));

        assertThat(response.status()).isEqualTo(201);
        JsonNode session = response.json();
        assertThat(session.propertyNames())
                .contains("access_token", "token_type", "expires_in", "refresh_token", "livekit_token", "livekit_url");
        JsonNode me = server.http
                .get("/auth/me", session.get("access_token").asString())
                .json();
        assertThat(me.get("email").asString()).isEqualTo(email);
        assertThat(me.get("full_name").asString()).isEqualTo("Ada Lovelace");
        assertThat(me.get("roles").toString()).isEqualTo("[\"user\"]");
        assertThat(me.get("livekit_identity").asString())
                .isEqualTo("user-" + me.get("id").asLong());
        assertThat(me.get("created_at").isIntegralNumber()).isTrue();
        assertThat(me.get("created_at").asLong()).isPositive();
        assertThat(me.has("password_hash")).isFalse();
    }

    @Test
    void anEmailHasOneAccountWhateverItsCase() {
        String email = AuthServer.newEmail();
        server.register(email);
        Http.Response again = server.http.post(
                "/auth/register",
                Map.of("email", email.toUpperCase(), "password", "another password", "full_name", "Someone"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("email_taken");
        assertThat(server.http
                        .post(
                                "/auth/login",
                                Map.of("email", " " + email.toUpperCase(), "password", AuthServer.PASSWORD))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void refusesEmailsWithControlOrInvisibleCharacters() {
        for (String hostile : new String[] {
            "nul\u0000x@example.com",
            "bel\u0007x@example.com",
            "del\u007fx@example.com",
            "rlo\u202ex@example.com",
            "crlf@example.com\r\nBcc: victim@example.com"
        }) {
            Http.Response refused = server.http.post("/auth/register", body(hostile, AuthServer.PASSWORD, "A"));
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().path("errors").findValuesAsString("field"))
                    .containsExactly("email");
            assertThat(server.http
                            .post("/auth/login", Map.of("email", hostile, "password", AuthServer.PASSWORD))
                            .status())
                    .isEqualTo(400);
        }
    }

    @Test
    void composedAndDecomposedSpellingsOfAnEmailAreOneAccount() {
        String local = "jos" + System.nanoTime();
        server.register(local + "\u00e9@example.com");
        Http.Response again =
                server.http.post("/auth/register", body(local + "e\u0301@example.com", AuthServer.PASSWORD, "A"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(server.http
                        .post(
                                "/auth/login",
                                Map.of("email", local + "E\u0301@example.com", "password", AuthServer.PASSWORD))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aPasswordHoldingHalfASurrogatePairIsA400NotA500() {
        // valid JSON ("\ud83d" escapes one UTF-16 unit) that no encoder can turn into bytes
        String lone = "\"Abcdefgh\\ud83d\"";
        String email = AuthServer.newEmail();
        Http.Response register = server.http.post(
                "/auth/register", "{\"email\":\"" + email + "\",\"password\":" + lone + ",\"full_name\":\"A\"}");
        assertThat(register.status()).as(register.body()).isEqualTo(400);
        assertThat(register.json().path("errors").findValuesAsString("field")).containsExactly("password");
        Http.Response unknown = server.http.post(
                "/auth/login",
                "{\"email\":\"nobody-" + System.nanoTime() + "@example.com\",\"password\":" + lone + "}");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);

        String token = server.registerNew().get("access_token").asString();
        Http.Response change = server.http.post(
                "/auth/password",
                "{\"current_password\":\"" + AuthServer.PASSWORD + "\",\"new_password\":" + lone + "}",
                token);
        assertThat(change.status()).as(change.body()).isEqualTo(400);
        assertThat(change.json().path("errors").findValuesAsString("field")).containsExactly("new_password");
        Http.Response wrongCurrent = server.http.post(
                "/auth/password", "{\"current_password\":" + lone + ",\"new_password\":\"another password\"}", token);
        assertThat(wrongCurrent.status()).isEqualTo(400);
    }

    @Test
    void refusesBadRegistrations() {
        Map<String, Map<String, Object>> bad = new HashMap<>();
        bad.put("no email", Map.of("password", AuthServer.PASSWORD, "full_name", "A"));
        bad.put("not an email", body("not-an-email", AuthServer.PASSWORD, "A"));
        bad.put("email without domain dot", body("a@localhost", AuthServer.PASSWORD, "A"));
        bad.put("email with space", body("a b@example.com", AuthServer.PASSWORD, "A"));
        bad.put("email too long", body("a".repeat(60) + "@" + "d".repeat(190) + ".com", AuthServer.PASSWORD, "A"));
        bad.put("password too short", body(AuthServer.newEmail(), "1234567", "A"));
        bad.put("password too long", body(AuthServer.newEmail(), "p".repeat(129), "A"));
        bad.put("no password", Map.of("email", AuthServer.newEmail(), "full_name", "A"));
        bad.put("no name", Map.of("email", AuthServer.newEmail(), "password", AuthServer.PASSWORD));
        bad.put("blank name", body(AuthServer.newEmail(), AuthServer.PASSWORD, "   "));
        bad.put("name too long", body(AuthServer.newEmail(), AuthServer.PASSWORD, "n".repeat(101)));
        bad.put("name with control character", body(AuthServer.newEmail(), AuthServer.PASSWORD, "a\nb"));
        bad.put("email not a string", Map.of("email", 42, "password", AuthServer.PASSWORD, "full_name", "A"));
        bad.forEach((what, body) -> {
            Http.Response response = server.http.post("/auth/register", body);
            assertThat(response.status()).as(what).isEqualTo(400);
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            assertThat(response.json().get("code").asString()).as(what).isIn("validation_failed", "malformed_body");
        });
        assertThat(server.http
                        .post("/auth/register", "{\"email\":")
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo("malformed_body");
        assertThat(server.http.post("/auth/register", "x".repeat(70_000)).status())
                .isEqualTo(413);
        // the edges themselves are fine
        assertThat(server.http
                        .post("/auth/register", body(AuthServer.newEmail(), "p".repeat(128), "n".repeat(100)))
                        .status())
                .isEqualTo(201);
        assertThat(server.http
                        .post("/auth/register", body(AuthServer.newEmail(), "12345678", "A"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void validationNamesTheFieldsAtFault() {
        JsonNode problem =
                server.http.post("/auth/register", body("nope", "short", "")).json();
        assertThat(problem.get("code").asString()).isEqualTo("validation_failed");
        assertThat(problem.get("errors").findValuesAsString("field")).contains("email", "password", "fullName");
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        String email = AuthServer.newEmail();
        server.register(email);
        Http.Response wrongPassword =
                server.http.post("/auth/login", Map.of("email", email, "password", "wrong password"));
        Http.Response unknown = server.http.post(
                "/auth/login", Map.of("email", AuthServer.newEmail(), "password", AuthServer.PASSWORD));

        for (Http.Response response : new Http.Response[] {wrongPassword, unknown}) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().get("code").asString()).isEqualTo("invalid_credentials");
            assertThat(response.json().get("detail").asString()).isEqualTo("email or password is incorrect");
        }
    }

    @Test
    void refusesBadLogins() {
        assertThat(server.http.post("/auth/login", Map.of("password", "x")).status())
                .isEqualTo(400);
        assertThat(server.http.post("/auth/login", Map.of("email", "a@b.c")).status())
                .isEqualTo(400);
        assertThat(server.http
                        .post("/auth/login", Map.of("email", "a@b.c", "password", "p".repeat(129)))
                        .status())
                .isEqualTo(400);
        assertThat(server.http.post("/auth/login", "[]").status()).isEqualTo(400);
        assertThat(server.http.send("GET", "/auth/login", null, null, Map.of()).status())
                .isEqualTo(405);
    }

    @Test
    void passwordChangeNeedsTheCurrentPasswordAndEndsOtherSessions() {
        String email = AuthServer.newEmail();
        JsonNode first = server.register(email);
        JsonNode second = server.login(email);
        String access = second.get("access_token").asString();

        Http.Response wrong = server.http.post(
                "/auth/password",
                Map.of("current_password", "not it at all", "new_password", "brand new password"),
                access);
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().get("code").asString()).isEqualTo("wrong_password");

        Http.Response changed = server.http.post(
                "/auth/password",
                Map.of("current_password", AuthServer.PASSWORD, "new_password", "brand new password"),
                access);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("refresh_token").asString()).isNotBlank();

        assertThat(refresh(first).status()).isEqualTo(401);
        assertThat(refresh(second).status()).isEqualTo(401);
        assertThat(refresh(changed.json()).status()).isEqualTo(200);
        assertThat(server.http
                        .post("/auth/login", Map.of("email", email, "password", AuthServer.PASSWORD))
                        .status())
                .isEqualTo(401);
        assertThat(server.http
                        .post("/auth/login", Map.of("email", email, "password", "brand new password"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void refusesBadPasswordChanges() {
        String access = server.registerNew().get("access_token").asString();
        assertThat(server.http
                        .post(
                                "/auth/password",
                                Map.of("current_password", AuthServer.PASSWORD, "new_password", "short"),
                                access)
                        .status())
                .isEqualTo(400);
        assertThat(server.http
                        .post(
                                "/auth/password",
                                Map.of("current_password", AuthServer.PASSWORD, "new_password", "p".repeat(129)),
                                access)
                        .status())
                .isEqualTo(400);
        assertThat(server.http
                        .post("/auth/password", Map.of("new_password", "long enough"), access)
                        .status())
                .isEqualTo(400);
        assertThat(server.http
                        .post(
                                "/auth/password",
                                Map.of("current_password", AuthServer.PASSWORD, "new_password", "long enough"))
                        .status())
                .isEqualTo(401);
    }

    private static Http.Response refresh(JsonNode session) {
        return server.http.post(
                "/auth/refresh",
                Map.of("refresh_token", session.get("refresh_token").asString()));
    }

    private static Map<String, Object> body(String email, String password, String fullName) {
        return Map.of("email", email, "password", password, "full_name", fullName);
    }
}
