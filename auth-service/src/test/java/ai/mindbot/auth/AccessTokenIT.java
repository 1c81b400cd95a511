package ai.mindbot.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.Http;
import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What an access token says, checked with auth0 java-jwt, and which tokens the service refuses. */
class AccessTokenIT extends OnBothDatabases {

    @Test
    void accessTokenCarriesTheUserIdEmailNameAndUserRole() {
        String email = AuthServer.newEmail();
        JsonNode session = server.register(email);

        DecodedJWT jwt =
                IndependentVerifier.accessToken(session.get("access_token").asString());
        JsonNode me = server.http
                .get("/auth/me", session.get("access_token").asString())
                .json();
        assertThat(jwt.getSubject()).isEqualTo(me.get("id").asString()).matches("\\d+");
        assertThat(jwt.getClaim("email").asString()).isEqualTo(email);
        assertThat(jwt.getClaim("name").asString()).isEqualTo("Test Person");
        assertThat(jwt.getClaim("roles").asList(String.class)).containsExactly("user");
        assertThat(jwt.getIssuer()).isEqualTo("mindbot-auth");
        assertThat(jwt.getId()).isNotBlank();
        assertThat(jwt.getHeaderClaim("typ").asString()).isEqualTo("JWT");
        assertThat(jwt.getKeyId()).isNull();
        assertThat(jwt.getExpiresAtAsInstant())
                .isEqualTo(jwt.getIssuedAtAsInstant().plusSeconds(3600));
        assertThat(jwt.getIssuedAtAsInstant())
                .isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(5));
        assertThat(session.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(session.get("token_type").asString()).isEqualTo("bearer");
    }

    @Test
    void everyTokenHasItsOwnId() {
        String email = AuthServer.newEmail();
        String first = server.register(email).get("access_token").asString();
        String second = server.login(email).get("access_token").asString();
        assertThat(IndependentVerifier.accessToken(first).getId())
                .isNotEqualTo(IndependentVerifier.accessToken(second).getId());
    }

    @Test
    void adminUsersGetTheAdminRoleWhateverTheCaseOfTheirEmail() {
        JsonNode session = server.register("BOSS@mindbot.TEST ");
        DecodedJWT jwt =
                IndependentVerifier.accessToken(session.get("access_token").asString());
        assertThat(jwt.getClaim("email").asString()).isEqualTo(AuthServer.ADMIN_EMAIL);
        assertThat(jwt.getClaim("roles").asList(String.class)).containsExactly("user", "admin");
    }

    @Test
    void refusesTokensThatAreForgedExpiredOrFromElsewhere() {
        JsonNode session = server.registerNew();
        String sub = IndependentVerifier.accessToken(session.get("access_token").asString())
                .getSubject();
        Algorithm ours = Algorithm.HMAC256(AuthServer.JWT_SECRET);

        Map<String, String> forged = Map.of(
                "expired",
                        valid(sub)
                                .withIssuedAt(ago(7200))
                                .withExpiresAt(ago(3600))
                                .sign(ours),
                "wrong issuer", valid(sub).withIssuer("someone-else").sign(ours),
                "no expiry",
                        JWT.create()
                                .withIssuer("mindbot-auth")
                                .withSubject(sub)
                                .withClaim("roles", List.of("user"))
                                .sign(ours),
                "other key", valid(sub).sign(Algorithm.HMAC256("another-secret-that-is-also-long-enough!!")),
                "HS512 with our key", valid(sub).sign(Algorithm.HMAC512(AuthServer.JWT_SECRET)),
                "alg none",
                        IndependentVerifier.unsigned(Map.of(
                                "iss",
                                "mindbot-auth",
                                "sub",
                                sub,
                                "roles",
                                List.of("user", "admin"),
                                "exp",
                                Instant.now().plusSeconds(600).getEpochSecond())),
                "garbage", "not-a-jwt");
        forged.forEach((what, token) -> {
            Http.Response response = server.http.get("/auth/me", token);
            assertThat(response.status()).as(what).isEqualTo(401);
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            assertThat(response.json().get("code").asString()).as(what).isEqualTo("unauthorized");
        });

        // the same claims, correctly signed, are accepted: the refusals above are about the defects
        assertThat(server.http.get("/auth/me", valid(sub).sign(ours)).status()).isEqualTo(200);
    }

    @Test
    void missingTokenIsUnauthorized() {
        Http.Response response = server.http.get("/auth/me");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("www-authenticate")).startsWith("Bearer");
    }

    @Test
    void aStaleTokenDoesNotStopSigningIn() {
        String email = AuthServer.newEmail();
        server.register(email);
        Http.Response login = server.http.post(
                "/auth/login", Map.of("email", email, "password", AuthServer.PASSWORD), "stale.or.broken");
        assertThat(login.status()).isEqualTo(200);
    }

    private static JWTCreator.Builder valid(String sub) {
        return JWT.create()
                .withIssuer("mindbot-auth")
                .withSubject(sub)
                .withIssuedAt(new Date())
                .withExpiresAt(Instant.now().plusSeconds(600))
                .withClaim("roles", List.of("user"));
    }

    private static Instant ago(long seconds) {
        return Instant.now().minusSeconds(seconds);
    }
}
