package ai.mindbot.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules the services' ConfigValues keep, kept by the agent too. */
class SettingsTest {

    @Test
    void aBlankValueIsUnsetSoTheDefaultApplies() {
        Settings settings = Settings.of(Map.of("AGENT_MAX_JOBS", "", "AGENT_NAME", "   ", "TTS_PROVIDER", "\t"));

        assertThat(settings.number("AGENT_MAX_JOBS", 30)).isEqualTo(30);
        assertThat(settings.smallNumber("AGENT_MAX_JOBS", 30)).isEqualTo(30);
        assertThat(settings.text("AGENT_NAME", "fallback")).isEqualTo("fallback");
        assertThat(settings.text("TTS_PROVIDER")).isEmpty();
        assertThat(settings.isSet("AGENT_NAME")).isFalse();
        assertThat(settings.isSet("NOT_THERE")).isFalse();
    }

    @Test
    void surroundingWhitespaceIsNeverPartOfAValue() {
        Settings settings = Settings.of(Map.of("AGENT_NAME", "  mindbot \r", "AGENT_DRAIN_SECONDS", " 45 "));

        assertThat(settings.text("AGENT_NAME")).contains("mindbot");
        assertThat(settings.number("AGENT_DRAIN_SECONDS", 60)).isEqualTo(45);
    }

    @Test
    void aValueThatIsNotANumberIsRefusedByName() {
        Settings settings = Settings.of(Map.of("AGENT_MAX_JOBS", "thirty", "AGENT_METRICS_PORT", "99999999999"));

        assertThatThrownBy(() -> settings.number("AGENT_MAX_JOBS", 30))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AGENT_MAX_JOBS must be a whole number, not \"thirty\"");
        assertThatThrownBy(() -> settings.smallNumber("AGENT_METRICS_PORT", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AGENT_METRICS_PORT");
    }

    @Test
    void productionIsMindbotEnvProductionInAnyCase() {
        assertThat(Settings.of(Map.of("MINDBOT_ENV", " Production ")).production())
                .isTrue();
        assertThat(Settings.of(Map.of("MINDBOT_ENV", "")).production()).isFalse();
        assertThat(Settings.of(Map.of()).production()).isFalse();
    }

    @Test
    void aMissingOrNullValueIsUnset() {
        Map<String, String> env = new HashMap<>();
        env.put("OPENAI_API_KEY", null);

        assertThat(Settings.of(env).text("OPENAI_API_KEY")).isEmpty();
    }
}
