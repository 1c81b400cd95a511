package ai.mindbot.agent.voice;

import java.util.List;

/** A chat turn for the model: the history so far (system instructions first) and the tools it may call. */
public record ChatRequest(List<ChatMessage> messages, List<Tool> tools) {

    public ChatRequest {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
    }
}
