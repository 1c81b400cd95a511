package ai.mindbot.auth.livekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mindbot.common.config.MisconfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class LiveKitSettingsTest {

    private static final String REAL_SECRET = "a-real-livekit-secret-of-enough-length-123";

    @Test
    void developmentFallsBackToTheLiveKitDevServer() {
        LiveKitSettings settings = LiveKitSettings.from(new MockEnvironment());
        assertThat(settings.url()).isEqualTo("ws://localhost:7880");
        assertThat(settings.apiKey()).isEqualTo("devkey");
        assertThat(settings.apiSecret()).isEqualTo("secret");
        assertThat(settings.tokenTtl()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void takesTheSeedsVariables() {
        LiveKitSettings settings = LiveKitSettings.from(new MockEnvironment()
                .withProperty("LIVEKIT_URL", "wss://your-project.livekit.cloud")
                .withProperty("LIVEKIT_API_KEY", "APIabc")
                .withProperty("LIVEKIT_API_SECRET", REAL_SECRET)
                .withProperty("LIVEKIT_TOKEN_TTL_SECONDS", "600"));
        assertThat(settings.url()).isEqualTo("wss://your-project.livekit.cloud");
        assertThat(settings.apiKey()).isEqualTo("APIabc");
        assertThat(settings.tokenTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.toString()).doesNotContain(REAL_SECRET);
    }

    @Test
    void productionRefusesMissingKeys() {
        assertThatThrownBy(() -> LiveKitSettings.from(production().withProperty("LIVEKIT_URL", "wss://x")))
                .isInstanceOf(MisconfigurationException.class)
                .hasMessageContaining("LIVEKIT_API_KEY");
    }

    @Test
    void productionRefusesTheDevKeys() {
        assertThatThrownBy(() -> LiveKitSettings.from(production()
                        .withProperty("LIVEKIT_URL", "wss://x")
                        .withProperty("LIVEKIT_API_KEY", "devkey")
                        .withProperty("LIVEKIT_API_SECRET", "secret")))
                .isInstanceOf(MisconfigurationException.class)
                .hasMessageContaining("real LiveKit keys");
        assertThatThrownBy(() -> LiveKitSettings.from(production()
                        .withProperty("LIVEKIT_URL", "wss://x")
                        .withProperty("LIVEKIT_API_KEY", "APIabc")
                        .withProperty("LIVEKIT_API_SECRET", "short")))
                .isInstanceOf(MisconfigurationException.class);
    }

    @Test
    void productionRefusesAMissingUrl() {
        assertThatThrownBy(() -> LiveKitSettings.from(production()
                        .withProperty("LIVEKIT_API_KEY", "APIabc")
                        .withProperty("LIVEKIT_API_SECRET", REAL_SECRET)))
                .isInstanceOf(MisconfigurationException.class)
                .hasMessageContaining("LIVEKIT_URL");
    }

    @Test
    void productionAcceptsRealKeys() {
        LiveKitSettings settings = LiveKitSettings.from(production()
                .withProperty("LIVEKIT_URL", "wss://x")
                .withProperty("LIVEKIT_API_KEY", "APIabc")
                .withProperty("LIVEKIT_API_SECRET", REAL_SECRET));
        assertThat(settings.apiSecret()).isEqualTo(REAL_SECRET);
    }

    private static MockEnvironment production() {
        return new MockEnvironment().withProperty("MINDBOT_ENV", "production");
    }
}
