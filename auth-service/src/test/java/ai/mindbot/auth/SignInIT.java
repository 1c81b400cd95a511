package ai.mindbot.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.Http;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Refresh-token rotation, reuse detection and logout. */
class SignInIT extends OnBothDatabases {

    @Test
    void refreshGivesANewAccessTokenAndSpendsTheRefreshToken() {
        JsonNode signIn = server.registerNew();
        Http.Response refreshed = refresh(signIn.get("refresh_token").asString());

        assertThat(refreshed.status()).isEqualTo(200);
        JsonNode next = refreshed.json();
        assertThat(next.get("refresh_token").asString())
                .isNotEqualTo(signIn.get("refresh_token").asString());
        assertThat(next.get("token_type").asString()).isEqualTo("bearer");
        assertThat(next.get("livekit_token").asString()).isNotBlank();
        DecodedJWT before =
                IndependentVerifier.accessToken(signIn.get("access_token").asString());
        DecodedJWT after =
                IndependentVerifier.accessToken(next.get("access_token").asString());
        assertThat(after.getSubject()).isEqualTo(before.getSubject());
        assertThat(after.getClaim("email").asString())
                .isEqualTo(before.getClaim("email").asString());
        assertThat(after.getId()).isNotEqualTo(before.getId());

        Http.Response reused = refresh(signIn.get("refresh_token").asString());
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.json().get("code").asString()).isEqualTo("invalid_refresh_token");
    }

    @Test
    void reusingASpentRefreshTokenEndsTheWholeSignIn() {
        JsonNode signIn = server.registerNew();
        String stolen = signIn.get("refresh_token").asString();
        String legitimate = refresh(stolen).json().get("refresh_token").asString();

        assertThat(refresh(stolen).status()).isEqualTo(401); // the thief (or the victim) replays it
        assertThat(refresh(legitimate).status()).isEqualTo(401); // so the family is gone for both
    }

    @Test
    void reuseInOneSignInLeavesTheUsersOtherSignInsAlone() {
        String email = AuthServer.newEmail();
        JsonNode phone = server.register(email);
        JsonNode laptop = server.login(email);
        String spent = phone.get("refresh_token").asString();
        refresh(spent);
        refresh(spent);
        assertThat(refresh(laptop.get("refresh_token").asString()).status()).isEqualTo(200);
    }

    @Test
    void refusesUnknownAndMalformedRefreshTokens() {
        assertThat(refresh("made-up-token").status()).isEqualTo(401);
        assertThat(server.http.post("/auth/refresh", Map.of()).status()).isEqualTo(400);
        assertThat(server.http
                        .post("/auth/refresh", Map.of("refresh_token", ""))
                        .status())
                .isEqualTo(400);
        assertThat(server.http
                        .post("/auth/refresh", Map.of("refresh_token", "x".repeat(201)))
                        .status())
                .isEqualTo(400);
        assertThat(server.http.post("/auth/refresh", "nope").status()).isEqualTo(400);
    }

    @Test
    void logoutEndsThatSignInOnly() {
        String email = AuthServer.newEmail();
        JsonNode phone = server.register(email);
        JsonNode laptop = server.login(email);

        Http.Response logout = server.http.post(
                "/auth/logout",
                Map.of("refresh_token", phone.get("refresh_token").asString()),
                phone.get("access_token").asString());

        assertThat(logout.status()).isEqualTo(204);
        assertThat(refresh(phone.get("refresh_token").asString()).status()).isEqualTo(401);
        assertThat(refresh(laptop.get("refresh_token").asString()).status()).isEqualTo(200);
    }

    @Test
    void logoutWithoutARefreshTokenEndsEverySignIn() {
        String email = AuthServer.newEmail();
        JsonNode phone = server.register(email);
        JsonNode laptop = server.login(email);

        Http.Response logout = server.http.send(
                "POST", "/auth/logout", null, phone.get("access_token").asString(), Map.of());

        assertThat(logout.status()).isEqualTo(204);
        assertThat(refresh(phone.get("refresh_token").asString()).status()).isEqualTo(401);
        assertThat(refresh(laptop.get("refresh_token").asString()).status()).isEqualTo(401);
    }

    @Test
    void nobodyLogsOutSomeoneElsesSignIn() {
        JsonNode victim = server.registerNew();
        JsonNode attacker = server.registerNew();
        server.http.post(
                "/auth/logout",
                Map.of("refresh_token", victim.get("refresh_token").asString()),
                attacker.get("access_token").asString());
        assertThat(refresh(victim.get("refresh_token").asString()).status()).isEqualTo(200);
    }

    @Test
    void logoutNeedsAnAccessToken() {
        assertThat(server.http
                        .post("/auth/logout", Map.of("refresh_token", "x"))
                        .status())
                .isEqualTo(401);
    }

    private static Http.Response refresh(String refreshToken) {
        return server.http.post("/auth/refresh", Map.of("refresh_token", refreshToken));
    }
}
