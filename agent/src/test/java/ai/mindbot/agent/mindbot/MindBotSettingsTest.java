package ai.mindbot.agent.mindbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mindbot.agent.mindbot.brain.OfflineBrain;
import ai.mindbot.agent.voice.ChatRequest;
import ai.mindbot.agent.voice.Llm;
import ai.mindbot.agent.voice.LlmEvent;
import ai.mindbot.agent.voice.VoiceProviders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MindBotSettingsTest {

    @TempDir
    Path data;

    @Test
    void readsTheAgentKeyTheAuthServiceGeneratedInDevelopment() throws Exception {
        Files.writeString(data.resolve("agent-api-key"), "generated-key-0123456789abcdef0123\n");

        MindBotSettings settings = MindBotSettings.from(Map.of("MINDBOT_DATA_DIR", data.toString()));

        assertThat(settings.agentApiKey()).isEqualTo("generated-key-0123456789abcdef0123");
        assertThat(settings.authServiceUrl()).hasToString("http://localhost:8000");
        assertThat(settings.timeServiceUrl()).hasToString("http://localhost:8001");
        assertThat(settings.rules().guestMax().toSeconds()).isEqualTo(180);
        assertThat(settings.toString()).doesNotContain("generated-key");
    }

    @Test
    void productionNeedsTheKeyAndBadValuesAreRefusedAtStart() {
        assertThatThrownBy(() -> MindBotSettings.from(Map.of("MINDBOT_ENV", "production")))
                .hasMessageContaining("AGENT_API_KEY is required in production");
        assertThatThrownBy(() -> MindBotSettings.from(Map.of("MINDBOT_DATA_DIR", data.toString())))
                .hasMessageContaining("start the services first");
        assertThatThrownBy(() -> MindBotSettings.from(Map.of("AGENT_API_KEY", "k", "TIME_SERVICE_URL", "ftp://x")))
                .hasMessageContaining("TIME_SERVICE_URL");
        assertThatThrownBy(() -> MindBotSettings.from(Map.of("AGENT_API_KEY", "k", "GUEST_MAX_SECONDS", "three")))
                .hasMessageContaining("GUEST_MAX_SECONDS");
    }

    @Test
    void theOfflineBrainThinksUnlessThereIsAnOpenAiKey() {
        Llm cloud = (ChatRequest request, Consumer<LlmEvent> events) -> () -> {};
        VoiceProviders selected = new VoiceProviders(null, null, cloud, null, "offline voice");

        VoiceProviders withoutKey = MindBotFactory.withBrain(selected, Map.of());
        VoiceProviders withKey = MindBotFactory.withBrain(selected, Map.of("OPENAI_API_KEY", "sk-test"));

        assertThat(withoutKey.llm()).isInstanceOf(OfflineBrain.class);
        assertThat(withoutKey.description()).isEqualTo("offline voice, MindBot's offline brain");
        assertThat(withKey.llm()).isSameAs(cloud);
        assertThat(List.of(MindBotFactory.withBrain(
                                new VoiceProviders(null, null, null, null, "x"), Map.of("OPENAI_API_KEY", "sk-test"))
                        .llm()))
                .allMatch(OfflineBrain.class::isInstance);
    }
}
