package ai.mindbot.time.livekit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.ApiContract;
import ai.mindbot.common.test.FreePort;
import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.time.testing.TimeService;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In production without LiveKit keys the webhook has nothing to verify with (development falls back
 * to livekit-server --dev's pair): it answers the documented 503, and the service still runs.
 */
class LiveKitUnconfiguredIT {

    @Test
    void productionWithoutLiveKitKeysAnswersTheDocumented503() {
        Map<String, String> production = Map.of(
                "MINDBOT_ENV",
                "production",
                "STRIPE_SECRET_KEY",
                "sk_test_never_called",
                "STRIPE_API_BASE",
                "http://127.0.0.1:" + FreePort.pick());
        try (TimeService time = TimeService.start(TestDatabase.SQLITE, production)) {
            Http.Response refused =
                    time.http.send("POST", "/webhooks/livekit", "{}", null, Map.of("Authorization", "anything"));

            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.json().path("code").asString()).isEqualTo("livekit_not_configured");
            ApiContract.of(time.http).assertAnswer("POST", "/webhooks/livekit", refused);
        }
    }
}
