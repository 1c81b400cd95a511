package ai.mindbot.agent.voice;

/** What a streaming chat model reports, in order, on its own thread. */
public sealed interface LlmEvent {

    /** The next piece of the answer's text. */
    record TextDelta(String text) implements LlmEvent {}

    /** A complete tool call (arguments fully accumulated). */
    record ToolCallRequested(ToolCall call) implements LlmEvent {}

    /** The answer is complete; {@code finishReason} as the provider said it ("stop", "tool_calls", ...). */
    record Done(String finishReason, int promptTokens, int completionTokens) implements LlmEvent {}

    /** The request failed (401, 429 after retries, socket dropped mid-answer). */
    record Failed(Throwable error) implements LlmEvent {}
}
