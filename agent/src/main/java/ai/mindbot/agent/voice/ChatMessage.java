package ai.mindbot.agent.voice;

import java.util.List;

/** One entry of the conversation history, as chat models take it. */
public sealed interface ChatMessage {

    record System(String text) implements ChatMessage {}

    record User(String text) implements ChatMessage {}

    /**
     * What the agent said (cut at what was actually played when it was interrupted) and the tools it
     * asked for. {@code interrupted} marks a message the user talked over.
     */
    record Assistant(String text, List<ToolCall> toolCalls, boolean interrupted) implements ChatMessage {

        public Assistant {
            toolCalls = List.copyOf(toolCalls);
        }

        public static Assistant said(String text) {
            return new Assistant(text, List.of(), false);
        }
    }

    /** A tool's answer to the call with {@code callId}. */
    record ToolResult(String callId, String name, String content) implements ChatMessage {}
}
