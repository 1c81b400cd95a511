package ai.mindbot.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentConfigTest {

    @Test
    void developmentDefaultsToLocalLiveKitWithDevKeysAndAutomaticDispatch() {
        AgentConfig config = AgentConfig.from(Map.of());

        assertThat(config.url()).hasToString("ws://localhost:7880");
        assertThat(config.apiKey()).isEqualTo("devkey");
        assertThat(config.apiSecret()).isEqualTo("secret");
        assertThat(config.agentName()).isEmpty();
        assertThat(config.maxJobs()).isEqualTo(30);
    }

    @Test
    void productionRefusesToStartWithoutKeys() {
        assertThatThrownBy(() -> AgentConfig.from(Map.of("MINDBOT_ENV", "production")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LIVEKIT_API_KEY");
    }

    @Test
    void productionRefusesAnUnencryptedLiveKitUrl() {
        Map<String, String> production = Map.of(
                "MINDBOT_ENV",
                "production",
                "LIVEKIT_API_KEY",
                "APIkey",
                "LIVEKIT_API_SECRET",
                "a-real-livekit-secret-of-enough-length-123");

        for (String plain : new String[] {"ws://livekit.internal:7880", "http://livekit.internal:7880"}) {
            Map<String, String> env = new HashMap<>(production);
            env.put("LIVEKIT_URL", plain);
            assertThatThrownBy(() -> AgentConfig.from(env))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("LIVEKIT_URL must be a wss://")
                    .hasMessageContaining(plain);
        }
        Map<String, String> env = new HashMap<>(production);
        env.put("LIVEKIT_URL", "wss://livekit.example.com");
        assertThat(AgentConfig.from(env).url()).hasToString("wss://livekit.example.com");
    }

    @Test
    void readsAgentNameAndJobLimit() {
        AgentConfig config = AgentConfig.from(
                Map.of("AGENT_NAME", " mindbot ", "AGENT_MAX_JOBS", "4", "LIVEKIT_URL", "wss://lk.example.com"));

        assertThat(config.agentName()).isEqualTo("mindbot");
        assertThat(config.maxJobs()).isEqualTo(4);
    }

    @Test
    void blankLinesInDotEnvKeepTheDefaults() {
        AgentConfig config = AgentConfig.from(Map.of(
                "AGENT_MAX_JOBS",
                "",
                "AGENT_DRAIN_SECONDS",
                " ",
                "LIVEKIT_URL",
                "",
                "LIVEKIT_API_KEY",
                "",
                "LIVEKIT_API_SECRET",
                ""));

        assertThat(config.maxJobs()).isEqualTo(30);
        assertThat(config.drainTimeout()).hasSeconds(60);
        assertThat(config.url()).hasToString(AgentConfig.DEFAULT_URL);
        assertThat(config.apiKey()).isEqualTo("devkey");
    }

    @Test
    void aJobLimitThatIsNotANumberIsRefusedByName() {
        assertThatThrownBy(() -> AgentConfig.from(Map.of("AGENT_MAX_JOBS", "lots")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AGENT_MAX_JOBS");
    }

    @Test
    void buildsWebSocketEndpointsFromHttpOrWebSocketUrls() {
        AgentConfig https = AgentConfig.from(Map.of("LIVEKIT_URL", "https://lk.example.com/base/"));
        AgentConfig ws = AgentConfig.from(Map.of("LIVEKIT_URL", "ws://127.0.0.1:7880"));

        assertThat(https.endpoint("/agent", "protocol=1")).hasToString("wss://lk.example.com/base/agent?protocol=1");
        assertThat(ws.endpoint("/rtc", null)).hasToString("ws://127.0.0.1:7880/rtc");
        assertThat(ws.httpUrl()).isEqualTo("http://127.0.0.1:7880");
    }

    @Test
    void neverPrintsTheSecret() {
        AgentConfig config = AgentConfig.from(Map.of("LIVEKIT_API_SECRET", "s3cr3t-value"));

        assertThat(config.toString()).doesNotContain("s3cr3t-value");
    }
}
