package ai.mindbot.agent.voice;

import java.util.List;

import ai.mindbot.agent.api.Room;
import ai.mindbot.agent.media.AudioFrame;

/**
 * A turn-taking voice conversation between the agent and one participant, the Java counterpart of
 * LiveKit Agents' {@code AgentSession}: it listens (VAD and STT on the participant's audio), decides
 * the user has finished, asks the model (with tools), speaks the answer sentence by sentence as it
 * streams, and stops the moment the user talks over it.
 *
 * <p>Every method must be called on the job's thread (agent hooks run there); provider callbacks are
 * handed to it with {@link Room#executor()}, so the engine takes no locks.
 */
public final class Conversation implements AutoCloseable {

    public Conversation(Room room, String userIdentity, VoiceProviders providers, VoiceOptions options) {
        throw new UnsupportedOperationException("work in progress");
    }

    /** Starts listening; {@code lk.agent.state} becomes {@code listening}. */
    public void start() {
    }

    /** The linked user's microphone audio (48 kHz 10 ms frames from {@code Agent.onAudio}). */
    public void pushAudio(AudioFrame frame) {
    }

    /** A typed chat message ({@code lk.chat}): a complete user turn, answered like a spoken one. */
    public void pushText(String text) {
    }

    /**
     * Says a fixed text after whatever the agent is saying now; it goes into the history as the
     * agent's words. {@code allowInterruptions=false} protects it from the user's voice (a goodbye).
     */
    public SpeechHandle say(String text, boolean allowInterruptions) {
        throw new UnsupportedOperationException("work in progress");
    }

    /**
     * Asks the model for a reply now, without a user turn (a greeting, a proactive warning);
     * {@code extraInstructions} (may be null) are added for this reply only, not kept in the history.
     */
    public SpeechHandle reply(String extraInstructions) {
        throw new UnsupportedOperationException("work in progress");
    }

    /** Stops the agent's current speech and drops what is queued. */
    public void interrupt() {
    }

    /** The system prompt, first in every model request. */
    public void setInstructions(String systemPrompt) {
    }

    public void setTools(List<Tool> tools) {
    }

    /** The conversation so far (without the system prompt), agent messages cut at what was heard. */
    public List<ChatMessage> history() {
        return List.of();
    }

    public AgentState state() {
        return AgentState.INITIALIZING;
    }

    public void addListener(ConversationListener listener) {
    }

    /** Stops speaking, closes the recogniser stream and cancels provider work. Idempotent. */
    @Override
    public void close() {
    }
}
