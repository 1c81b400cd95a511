package ai.mindbot.agent.voice;

/** The model asks for a tool: {@code argumentsJson} is the JSON object it wrote for the tool's schema. */
public record ToolCall(String id, String name, String argumentsJson) {}
