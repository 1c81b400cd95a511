package ai.mindbot.agent.voice;

import ai.mindbot.agent.api.Cancellable;
import java.util.function.Consumer;

/** A streaming chat model with tool calls. */
public interface Llm {

    /**
     * Starts one completion. {@code events} gets text deltas and tool calls as they stream, then
     * exactly one {@link LlmEvent.Done} or {@link LlmEvent.Failed}, unless cancelled first (then
     * nothing more).
     */
    Cancellable chat(ChatRequest request, Consumer<LlmEvent> events);
}
