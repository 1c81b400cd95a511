package ai.mindbot.agent.voice;

import java.util.Locale;

/**
 * What the agent is doing, as LiveKit's client components show it: the agent's own participant
 * attribute {@code lk.agent.state} carries {@link #attributeValue()}.
 */
public enum AgentState {
    INITIALIZING,
    LISTENING,
    THINKING,
    SPEAKING;

    /** The lower-case value LiveKit clients expect ("listening", ...). */
    public String attributeValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
