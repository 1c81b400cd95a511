package ai.mindbot.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mindbot.common.config.MisconfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class AgentApiKeyTest {

    private static final String KEY = "an-agent-key-that-is-at-least-32-characters";

    @Test
    void matchesOnlyTheExactKey() {
        AgentApiKey key = AgentApiKey.from(new MockEnvironment().withProperty("AGENT_API_KEY", KEY));
        assertThat(key.matches(KEY)).isTrue();
        assertThat(key.matches(KEY + " ")).isFalse();
        assertThat(key.matches(KEY.toUpperCase())).isFalse();
        assertThat(key.matches("")).isFalse();
        assertThat(key.matches(null)).isFalse();
        assertThat(key.toString()).doesNotContain(KEY);
    }

    @Test
    void productionRequiresAStrongKey() {
        MockEnvironment production = new MockEnvironment().withProperty("MINDBOT_ENV", "production");
        assertThatThrownBy(() -> AgentApiKey.from(production))
                .isInstanceOf(MisconfigurationException.class)
                .hasMessageContaining("AGENT_API_KEY is required");
        assertThatThrownBy(() -> AgentApiKey.from(production.withProperty("AGENT_API_KEY", "short")))
                .isInstanceOf(MisconfigurationException.class)
                .hasMessageContaining("at least 32");
        assertThat(AgentApiKey.from(production.withProperty("AGENT_API_KEY", KEY))
                        .matches(KEY))
                .isTrue();
    }

    @Test
    void developmentGeneratesOneKeyAndKeepsIt(@TempDir Path dir) throws Exception {
        MockEnvironment env = new MockEnvironment().withProperty("MINDBOT_DATA_DIR", dir.toString());
        AgentApiKey first = AgentApiKey.from(env);
        String written = Files.readString(dir.resolve("agent-api-key")).strip();
        AgentApiKey second = AgentApiKey.from(env);

        assertThat(first.matches(written)).isTrue();
        assertThat(second.matches(written)).isTrue();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("agent-api-key")); // no temp files left behind
        }
    }
}
