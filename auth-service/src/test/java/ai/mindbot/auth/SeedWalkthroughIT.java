package ai.mindbot.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The seed guide's curl walkthrough (register, login, /auth/token), with its bodies as written. */
class SeedWalkthroughIT {

    private static AuthServer server;

    @BeforeAll
    static void start() {
        server = AuthServer.start(TestDatabase.SQLITE);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void registerLoginAndRoomTokenWorkAsTheGuideWritesThem() {
        Http.Response register = server.http.post("/auth/register", """
                {
                    "email": "user@example.com",
                    "password": "secure_password",
                    "full_name": "John Doe"
                  }""");
        assertThat(register.status()).isEqualTo(201);
        assertThat(register.header("cache-control")).contains("no-store"); // tokens must not be cached
        JsonNode registered = register.json();
        assertThat(registered.get("access_token").asString()).startsWith("eyJ");
        assertThat(registered.get("token_type").asString()).isEqualTo("bearer");
        assertThat(registered.get("livekit_token").asString()).startsWith("eyJ");
        assertThat(registered.get("livekit_url").asString()).isEqualTo(AuthServer.LIVEKIT_URL);

        Http.Response login = server.http.post("/auth/login", """
                {
                    "email": "user@example.com",
                    "password": "secure_password"
                  }""");
        assertThat(login.status()).isEqualTo(200);
        String jwt = login.json().get("access_token").asString();

        Http.Response token = server.http.post("/auth/token", """
                {
                    "room_name": "voice_session_123",
                    "participant_name": "John Doe"
                  }""", jwt);
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.json().get("room_name").asString()).isEqualTo("voice_session_123");
        assertThat(token.json().get("livekit_token").asString()).startsWith("eyJ");
        assertThat(token.json().get("livekit_url").asString()).isEqualTo(AuthServer.LIVEKIT_URL);
        assertThat(token.json().get("identity").asString()).matches("user-\\d+");
    }
}
