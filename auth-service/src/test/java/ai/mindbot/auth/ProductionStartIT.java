package ai.mindbot.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.config.MisconfigurationException;
import ai.mindbot.common.test.RefusedStart;
import ai.mindbot.common.test.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MINDBOT_ENV=production: the service starts only with real LiveKit keys, an agent key, and public
 * addresses (APP_URL, LIVEKIT_URL) that are encrypted.
 */
class ProductionStartIT {

    private static final Map<String, String> PRODUCTION = Map.of(
            "MINDBOT_ENV", "production",
            "LIVEKIT_URL", "wss://livekit.example.test",
            "LIVEKIT_API_KEY", "APIrealkey",
            "LIVEKIT_API_SECRET", "a-real-livekit-secret-of-enough-length-123",
            "AGENT_API_KEY", "a-real-agent-api-key-of-enough-length-456",
            "APP_URL", "https://app.example.test");

    @Test
    void refusesToStartWithLiveKitDevKeys() {
        assertThat(rootCauseOfStarting(with("LIVEKIT_API_KEY", "devkey", "LIVEKIT_API_SECRET", "secret")))
                .isInstanceOf(MisconfigurationException.class)
                .hasMessageContaining("real LiveKit keys");
    }

    @Test
    void refusesToStartWithoutLiveKitKeys() {
        assertThat(rootCauseOfStarting(with("LIVEKIT_API_KEY", "", "LIVEKIT_API_SECRET", "")))
                .isInstanceOf(MisconfigurationException.class)
                .hasMessageContaining("LIVEKIT_API_KEY");
    }

    @Test
    void refusesToStartWithoutAnAgentKey() {
        assertThat(rootCauseOfStarting(with("AGENT_API_KEY", "")))
                .isInstanceOf(MisconfigurationException.class)
                .hasMessageContaining("AGENT_API_KEY");
    }

    @Test
    void refusesPlainHttpPublicAddressesNamingEachInOneMessage() {
        assertThat(rootCauseOfStarting(
                        with("APP_URL", "http://app.example.test", "LIVEKIT_URL", "ws://livekit.example.test:7880")))
                .isInstanceOf(MisconfigurationException.class)
                .hasMessageContaining(
                        "APP_URL=http://app.example.test, LIVEKIT_URL=ws://livekit.example.test:7880 are not encrypted");
    }

    @Test
    void refusesToSendResetLinksToTheDevelopmentAddress() {
        Map<String, String> withoutAppUrl = with();
        withoutAppUrl.remove("APP_URL");
        assertThat(rootCauseOfStarting(withoutAppUrl))
                .isInstanceOf(MisconfigurationException.class)
                .hasMessageContaining("APP_URL=http://localhost:");
    }

    @Test
    void startsWithRealKeys() {
        try (AuthServer server = AuthServer.start(TestDatabase.SQLITE, PRODUCTION)) {
            assertThat(server.http.get("/health").status()).isEqualTo(200);
            assertThat(server.http
                            .post("/auth/guest", Map.of())
                            .json()
                            .get("livekit_url")
                            .asString())
                    .isEqualTo("wss://livekit.example.test");
        }
    }

    private static Map<String, String> with(String... overrides) {
        Map<String, String> properties = new HashMap<>(PRODUCTION);
        for (int i = 0; i < overrides.length; i += 2) {
            properties.put(overrides[i], overrides[i + 1]);
        }
        return properties;
    }

    private static Throwable rootCauseOfStarting(Map<String, String> properties) {
        return RefusedStart.reason(
                () -> AuthServer.start(TestDatabase.SQLITE, properties).close());
    }
}
