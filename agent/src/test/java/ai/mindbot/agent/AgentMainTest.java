package ai.mindbot.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentMainTest {

    @Test
    void startSaysInOneLineWhatTheOfflineVoiceLacks() {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(AgentMain.run(
                            new String[] {"start"},
                            Map.of("AGENT_API_KEY", "k", "OFFLINE_STT_MODEL_DIR", "/nonexistent/pocketsphinx")))
                    .isEqualTo(2);
        } finally {
            System.setErr(original);
        }
        String said = err.toString(StandardCharsets.UTF_8).strip();
        assertThat(said)
                .doesNotContain("\n")
                .contains("offline speech recognition")
                .endsWith("run scripts/install-voice");
    }

    @Test
    void startRefusesABadConfigurationBeforeConnectingAnywhere() {
        assertThat(AgentMain.run(new String[] {"start"}, Map.of("MINDBOT_ENV", "production"), env -> {
                    throw new AssertionError("providers are not built for a configuration that cannot work");
                }))
                .isEqualTo(2);
    }

    @Test
    void anUnknownAgentIsAnError() {
        assertThat(AgentMain.run(new String[] {"nope"}, Map.of())).isEqualTo(2);
    }
}
