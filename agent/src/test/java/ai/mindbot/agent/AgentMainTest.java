package ai.mindbot.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class AgentMainTest {

    @Test
    void startRefusesWithAReasonWhenNoVoiceProvidersAreLinkedIn() {
        assertThat(AgentMain.run(new String[] {"start"}, Map.of("AGENT_API_KEY", "k"))).isEqualTo(2);
    }

    @Test
    void startRefusesABadConfigurationBeforeConnectingAnywhere() {
        assertThat(AgentMain.run(new String[] {"start"}, Map.of("MINDBOT_ENV", "production"),
                env -> { throw new AssertionError("providers are not built for a configuration that cannot work"); }))
                .isEqualTo(2);
    }

    @Test
    void anUnknownAgentIsAnError() {
        assertThat(AgentMain.run(new String[] {"nope"}, Map.of())).isEqualTo(2);
    }
}
