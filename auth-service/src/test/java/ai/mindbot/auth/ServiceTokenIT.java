package ai.mindbot.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.Http;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The agent's credential: AGENT_API_KEY in, a ten-minute token with the agent role out. */
class ServiceTokenIT extends OnBothDatabases {

    @Test
    void theAgentKeyBuysAShortLivedAgentToken() {
        Http.Response response = server.http.post("/auth/service-token", Map.of("api_key", AuthServer.AGENT_KEY));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("token_type").asString()).isEqualTo("bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(600);
        assertThat(body.has("refresh_token")).isFalse();
        DecodedJWT jwt =
                IndependentVerifier.accessToken(body.get("access_token").asString());
        assertThat(jwt.getSubject()).isEqualTo("service:agent");
        assertThat(jwt.getClaim("roles").asList(String.class)).containsExactly("agent");
        assertThat(jwt.getClaim("email").isMissing()).isTrue();
        assertThat(jwt.getExpiresAtAsInstant())
                .isEqualTo(jwt.getIssuedAtAsInstant().plusSeconds(600));
        assertThat(jwt.getId()).isNotBlank();
    }

    @Test
    void anAgentTokenIsNotAUserToken() {
        String agent = server.http
                .post("/auth/service-token", Map.of("api_key", AuthServer.AGENT_KEY))
                .json()
                .get("access_token")
                .asString();
        assertThat(server.http.get("/auth/me", agent).status()).isEqualTo(403);
        assertThat(server.http
                        .post("/auth/password", Map.of("current_password", "x", "new_password", "long enough"), agent)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void wrongKeysAre401() {
        for (String key : new String[] {"wrong", AuthServer.AGENT_KEY + "x", AuthServer.AGENT_KEY.substring(1)}) {
            Http.Response response = server.http.post("/auth/service-token", Map.of("api_key", key));
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().get("code").asString()).isEqualTo("invalid_api_key");
        }
    }

    @Test
    void refusesMalformedRequests() {
        assertThat(server.http.post("/auth/service-token", Map.of()).status()).isEqualTo(400);
        assertThat(server.http
                        .post("/auth/service-token", Map.of("api_key", ""))
                        .status())
                .isEqualTo(400);
        assertThat(server.http
                        .post("/auth/service-token", Map.of("api_key", "k".repeat(513)))
                        .status())
                .isEqualTo(400);
        assertThat(server.http.post("/auth/service-token", "{").status()).isEqualTo(400);
    }

    @Test
    void withoutAGENT_API_KEYDevelopmentGeneratesOneForTheAgentToRead() throws Exception {
        try (AuthServer dev = AuthServer.start(database, Map.of("AGENT_API_KEY", ""))) {
            Path file = Path.of(dev.dataDirectory(), "agent-api-key");
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            String key = Files.readString(file).strip();
            assertThat(key).hasSizeGreaterThanOrEqualTo(40);
            assertThat(dev.http
                            .post("/auth/service-token", Map.of("api_key", key))
                            .status())
                    .isEqualTo(200);
            assertThat(dev.http
                            .post("/auth/service-token", Map.of("api_key", AuthServer.AGENT_KEY))
                            .status())
                    .isEqualTo(401);
        }
    }
}
