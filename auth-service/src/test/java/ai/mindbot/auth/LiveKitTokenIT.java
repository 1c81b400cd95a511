package ai.mindbot.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.Http;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** LiveKit tokens decoded with Nimbus (the SDK signs with java-jwt) and checked claim by claim. */
class LiveKitTokenIT extends OnBothDatabases {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void roomTokenGrantsThatRoomOnlyUnderTheUsersStableIdentity() throws Exception {
        String email = AuthServer.newEmail();
        JsonNode session = server.register(email);
        String access = session.get("access_token").asString();
        String userId = server.http.get("/auth/me", access).json().get("id").asString();

        Http.Response response = server.http.post(
                "/auth/token", Map.of("room_name", "voice_session_123", "participant_name", "John Doe"), access);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("room_name").asString()).isEqualTo("voice_session_123");
        assertThat(body.get("identity").asString()).isEqualTo("user-" + userId);
        assertThat(body.get("livekit_url").asString()).isEqualTo(AuthServer.LIVEKIT_URL);

        JWTClaimsSet claims =
                IndependentVerifier.liveKitToken(body.get("livekit_token").asString());
        assertThat(claims.getIssuer()).isEqualTo(AuthServer.LIVEKIT_KEY);
        assertThat(claims.getSubject()).isEqualTo("user-" + userId);
        assertThat(claims.getStringClaim("name")).isEqualTo("John Doe");
        assertThat(claims.getExpirationTime().toInstant())
                .isBetween( // LIVEKIT_TOKEN_TTL_SECONDS, 6 h by default
                        Instant.now().plusSeconds(6 * 3600 - 60), Instant.now().plusSeconds(6 * 3600 + 5));
        assertThat(claims.getJSONObjectClaim("video"))
                .containsExactlyInAnyOrderEntriesOf(joinsAndPublishesIn("voice_session_123"));
        assertThat(JSON.readTree(claims.getStringClaim("metadata")))
                .isEqualTo(JSON.readTree("{\"user_id\":\"" + userId + "\",\"email\":\"" + email + "\"}"));
        assertThat(claims.getJSONObjectClaim("attributes"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("mindbot.user_id", userId, "mindbot.email", email));
    }

    @Test
    void theIdentityIsTheSameInEveryTokenOfAUser() throws Exception {
        String email = AuthServer.newEmail();
        JsonNode registered = server.register(email);
        String access = server.login(email).get("access_token").asString();
        String fromRoomToken = server.http
                .post("/auth/token", Map.of("room_name", "a-room"), access)
                .json()
                .get("livekit_token")
                .asString();

        String personal = IndependentVerifier.liveKitToken(
                        registered.get("livekit_token").asString())
                .getSubject();
        assertThat(IndependentVerifier.liveKitToken(fromRoomToken).getSubject()).isEqualTo(personal);
        assertThat(personal).matches("user-\\d+");
    }

    @Test
    void registerAndLoginHandOutATokenForThePersonalRoom() throws Exception {
        JsonNode session = server.registerNew();
        String userId = server.http
                .get("/auth/me", session.get("access_token").asString())
                .json()
                .get("id")
                .asString();
        JWTClaimsSet claims =
                IndependentVerifier.liveKitToken(session.get("livekit_token").asString());

        assertThat(session.get("room_name").asString()).isEqualTo("mindbot-" + userId);
        assertThat(claims.getJSONObjectClaim("video"))
                .containsExactlyInAnyOrderEntriesOf(joinsAndPublishesIn("mindbot-" + userId));
        assertThat(claims.getStringClaim("name")).isEqualTo("Test Person");
        assertThat(claims.getJSONObjectClaim("attributes")).containsEntry("mindbot.user_id", userId);
    }

    @Test
    void participantNameDefaultsToTheAccountName() throws Exception {
        String access = server.registerNew().get("access_token").asString();
        String token = server.http
                .post("/auth/token", Map.of("room_name", "r1"), access)
                .json()
                .get("livekit_token")
                .asString();
        assertThat(IndependentVerifier.liveKitToken(token).getStringClaim("name"))
                .isEqualTo("Test Person");
    }

    @Test
    void nobodyJoinsAnotherUsersPersonalRoomOrAGuestRoom() {
        JsonNode other = server.registerNew();
        String access = server.registerNew().get("access_token").asString();

        for (String room : new String[] {other.get("room_name").asString(), "guest-0123456789abcdef"}) {
            Http.Response response = server.http.post("/auth/token", Map.of("room_name", room), access);
            assertThat(response.status()).as(room).isEqualTo(403);
            assertThat(response.json().get("code").asString()).isEqualTo("room_reserved");
        }
    }

    @Test
    void refusesBadRoomAndParticipantNames() {
        String access = server.registerNew().get("access_token").asString();
        Map<String, Map<String, Object>> bad = Map.of(
                "missing room", Map.of("participant_name", "x"),
                "blank room", Map.of("room_name", " "),
                "room too long", Map.of("room_name", "r".repeat(129)),
                "room with slash", Map.of("room_name", "a/b"),
                "room with space", Map.of("room_name", "a b"),
                "room starting with a dot", Map.of("room_name", ".hidden"),
                "name too long", Map.of("room_name", "ok", "participant_name", "n".repeat(101)),
                "empty name", Map.of("room_name", "ok", "participant_name", ""),
                "name with control character", Map.of("room_name", "ok", "participant_name", "a\u0000b"),
                "room not a string", Map.of("room_name", Map.of("x", 1)));
        bad.forEach((what, body) -> {
            Http.Response response = server.http.post("/auth/token", body, access);
            assertThat(response.status()).as(what).isEqualTo(400);
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        });
        assertThat(server.http
                        .post("/auth/token", "{not json", access)
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo("malformed_body");
        assertThat(server.http
                        .post("/auth/token", Map.of("room_name", "r".repeat(128)), access)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void roomTokensNeedAUserToken() {
        assertThat(server.http.post("/auth/token", Map.of("room_name", "r")).status())
                .isEqualTo(401);
        String agent = server.http
                .post("/auth/service-token", Map.of("api_key", AuthServer.AGENT_KEY))
                .json()
                .get("access_token")
                .asString();
        assertThat(server.http
                        .post("/auth/token", Map.of("room_name", "r"), agent)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void guestsGetAFreshGuestIdentityAndRoom() throws Exception {
        Http.Response first = server.http.post("/auth/guest", Map.of("participant_name", "Visitor"));
        Http.Response second = server.http.send("POST", "/auth/guest", null, null, Map.of());

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        JsonNode body = first.json();
        assertThat(body.get("identity").asString()).matches("guest-[0-9a-f]{16}");
        assertThat(body.get("room_name").asString()).matches("guest-[0-9a-f]{16}");
        assertThat(second.json().get("identity").asString())
                .isNotEqualTo(body.get("identity").asString());

        JWTClaimsSet claims =
                IndependentVerifier.liveKitToken(body.get("livekit_token").asString());
        assertThat(claims.getSubject()).isEqualTo(body.get("identity").asString());
        assertThat(claims.getStringClaim("name")).isEqualTo("Visitor");
        assertThat(JSON.readTree(claims.getStringClaim("metadata"))).isEqualTo(JSON.readTree("{\"guest\":true}"));
        assertThat(claims.getJSONObjectClaim("attributes")).containsExactlyEntriesOf(Map.of("mindbot.guest", "true"));
        assertThat(claims.getJSONObjectClaim("video"))
                .containsExactlyInAnyOrderEntriesOf(
                        joinsAndPublishesIn(body.get("room_name").asString()));
        assertThat(IndependentVerifier.liveKitToken(
                                second.json().get("livekit_token").asString())
                        .getStringClaim("name"))
                .isEqualTo("Guest");
    }

    @Test
    void refusesBadGuestNames() {
        assertThat(server.http
                        .post("/auth/guest", Map.of("participant_name", "n".repeat(101)))
                        .status())
                .isEqualTo(400);
        assertThat(server.http.post("/auth/guest", "[1,2", null).status()).isEqualTo(400);
    }

    /** The video grant every token carries: join this one room, publish, subscribe and send data. */
    private static Map<String, Object> joinsAndPublishesIn(String room) {
        return Map.of("roomJoin", true, "room", room, "canPublish", true, "canSubscribe", true, "canPublishData", true);
    }
}
