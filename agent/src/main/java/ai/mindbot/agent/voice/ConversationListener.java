package ai.mindbot.agent.voice;

/** Observes a {@link Conversation}. Called on the job's thread; keep it short. */
public interface ConversationListener {

    /** The user finished a turn (spoken or typed); {@code text} is what goes into the history. */
    default void onUserTurn(String text) {}

    default void onStateChanged(AgentState state) {}

    /** One agent reply's timings, once its first audio has been handed to playback (or it failed). */
    default void onTurnMetrics(TurnMetrics metrics) {}
}
