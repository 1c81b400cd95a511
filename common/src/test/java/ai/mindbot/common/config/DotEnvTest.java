package ai.mindbot.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DotEnvTest {

    @Test
    void readsTheSeedGuidesQuotedAssignments() {
        Map<String, String> values = DotEnv.parse("""
                # Auth Service (.env)
                LIVEKIT_API_SECRET="your_livekit_api_secret"
                LIVEKIT_URL='wss://your-project.livekit.cloud'
                export JWT_SECRET=plain-value # trailing comment
                EMPTY=
                not a line
                """);
        assertThat(values)
                .containsExactly(
                        Map.entry("LIVEKIT_API_SECRET", "your_livekit_api_secret"),
                        Map.entry("LIVEKIT_URL", "wss://your-project.livekit.cloud"),
                        Map.entry("JWT_SECRET", "plain-value"),
                        Map.entry("EMPTY", ""));
    }

    @Test
    void keepsHashesInsideQuotedValues() {
        assertThat(DotEnv.parse("SECRET=\"a#b c\"")).containsEntry("SECRET", "a#b c");
    }
}
