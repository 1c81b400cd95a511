package ai.mindbot.agent.voice.openai;

import ai.mindbot.agent.voice.ToolCall;
import com.openai.models.chat.completions.ChatCompletionChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts streamed tool calls back together. Chunks carry {@code tool_calls} deltas keyed by
 * {@code index}: the first for an index has the call's id and function name, later ones append
 * fragments of the arguments string, and several calls may interleave. Only when the stream has
 * finished are the arguments whole, so calls are handed out then, in index order.
 */
final class ToolCallAssembler {

    private static final class Partial {
        String id = "";
        String name = "";
        final StringBuilder arguments = new StringBuilder();
    }

    private final Map<Long, Partial> byIndex = new TreeMap<>();

    void add(ChatCompletionChunk.Choice.Delta.ToolCall delta) {
        Partial call = byIndex.computeIfAbsent(delta.index(), i -> new Partial());
        delta.id().filter(id -> !id.isEmpty()).ifPresent(id -> call.id = id);
        delta.function().ifPresent(function -> {
            function.name().filter(name -> !name.isEmpty()).ifPresent(name -> call.name = name);
            function.arguments().ifPresent(call.arguments::append);
        });
    }

    List<ToolCall> calls() {
        List<ToolCall> calls = new ArrayList<>(byIndex.size());
        for (Partial call : byIndex.values()) {
            String arguments = call.arguments.toString().isBlank() ? "{}" : call.arguments.toString();
            calls.add(new ToolCall(call.id, call.name, arguments));
        }
        return calls;
    }
}
