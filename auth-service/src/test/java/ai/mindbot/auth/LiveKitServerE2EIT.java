package ai.mindbot.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.mindbot.common.test.TestDatabase;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitRtc.SignalResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The tokens we sign, presented to a real livekit-server: it lets the user in as who we said. */
@Tag("e2e")
class LiveKitServerE2EIT {

    private static LiveKitServerPeer livekit;
    private static AuthServer server;

    @BeforeAll
    static void start() throws Exception {
        livekit = LiveKitServerPeer.start(AuthServer.LIVEKIT_KEY, AuthServer.LIVEKIT_SECRET);
        server = AuthServer.start(TestDatabase.SQLITE, Map.of("LIVEKIT_URL", livekit.wsUrl()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (livekit != null) {
            livekit.close();
        }
    }

    @Test
    void aUserJoinsTheRoomAsTheirStableIdentityWithTheirMetadata() throws Exception {
        String email = AuthServer.newEmail();
        String access = server.register(email).get("access_token").asString();
        String userId = server.http.get("/auth/me", access).json().get("id").asString();
        JsonNode token = server.http
                .post("/auth/token", Map.of("room_name", "voice_session_123", "participant_name", "John Doe"), access)
                .json();

        SignalResponse first = join(
                token.get("livekit_url").asString(), token.get("livekit_token").asString());

        assertThat(first.hasJoin()).isTrue();
        assertThat(first.getJoin().getRoom().getName()).isEqualTo("voice_session_123");
        ParticipantInfo me = first.getJoin().getParticipant();
        assertThat(me.getIdentity()).isEqualTo("user-" + userId);
        assertThat(me.getName()).isEqualTo("John Doe");
        assertThat(me.getMetadata()).contains("\"user_id\":\"" + userId + "\"").contains(email);
        assertThat(me.getAttributesMap())
                .containsEntry("mindbot.user_id", userId)
                .containsEntry("mindbot.email", email);
        assertThat(me.getPermission().getCanPublish()).isTrue();
        assertThat(me.getPermission().getCanSubscribe()).isTrue();
        assertThat(me.getPermission().getCanPublishData()).isTrue();
    }

    @Test
    void aGuestJoinsItsOwnRoomMarkedAsGuest() throws Exception {
        JsonNode token = server.http
                .post("/auth/guest", Map.of("participant_name", "Visitor"))
                .json();

        SignalResponse first = join(
                token.get("livekit_url").asString(), token.get("livekit_token").asString());

        assertThat(first.getJoin().getRoom().getName())
                .isEqualTo(token.get("room_name").asString());
        assertThat(first.getJoin().getParticipant().getIdentity())
                .isEqualTo(token.get("identity").asString());
        assertThat(first.getJoin().getParticipant().getAttributesMap()).containsEntry("mindbot.guest", "true");
    }

    @Test
    void theServerRefusesATokenSignedWithAnotherSecret() {
        String forged = JWT.create()
                .withIssuer(AuthServer.LIVEKIT_KEY)
                .withSubject("user-1")
                .withExpiresAt(Instant.now().plusSeconds(600))
                .withClaim("video", Map.of("roomJoin", true, "room", "voice_session_123"))
                .sign(Algorithm.HMAC256("not-the-livekit-secret-but-long-enough-anyway"));

        Throwable refused = catchThrowable(() -> join(livekit.wsUrl(), forged));

        assertThat(refused).isInstanceOf(ExecutionException.class);
        assertThat(refused.getCause()).isInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) refused.getCause())
                        .getResponse()
                        .statusCode())
                .isEqualTo(401);
    }

    /** Opens the signalling WebSocket with the token and returns the server's first message. */
    private static SignalResponse join(String url, String token) throws Exception {
        CompletableFuture<byte[]> firstMessage = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(
                        URI.create(url + "/rtc?access_token=" + token + "&auto_subscribe=1&protocol=16"),
                        new FirstBinaryMessage(firstMessage))
                .get(15, TimeUnit.SECONDS);
        try {
            return SignalResponse.parseFrom(firstMessage.get(15, TimeUnit.SECONDS));
        } finally {
            socket.abort();
        }
    }

    private static final class FirstBinaryMessage implements WebSocket.Listener {
        private final CompletableFuture<byte[]> result;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        FirstBinaryMessage(CompletableFuture<byte[]> result) {
            this.result = result;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            buffer.writeBytes(bytes);
            if (last) {
                result.complete(buffer.toByteArray());
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            result.completeExceptionally(error);
        }
    }
}
