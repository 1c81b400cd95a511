package ai.mindbot.agent.mindbot.console;

import ai.mindbot.agent.voice.ChatMessage;
import ai.mindbot.agent.voice.ChatRequest;
import ai.mindbot.agent.voice.Llm;
import ai.mindbot.agent.voice.LlmEvent;
import ai.mindbot.agent.voice.Tool;
import ai.mindbot.agent.voice.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Text turns with a model and tools, without the voice engine: the user's words, the model's tool
 * calls run here (handlers may block), their results back to the model, up to three tool rounds as
 * the engine allows, then the answer. Runs on the caller's thread.
 */
final class TextTurns {

    private static final int MAX_TOOL_STEPS = 3;
    private static final long ANSWER_SECONDS = 60;

    private final Llm llm;
    private volatile Map<String, Tool> tools = Map.of();
    private final List<ChatMessage> history = new ArrayList<>();
    /** Lines the agent said on its own, from the job thread, taken into the history at the next turn. */
    private final Queue<String> saidMeanwhile = new ConcurrentLinkedQueue<>();

    TextTurns(Llm llm, String instructions) {
        this.llm = llm;
        history.add(new ChatMessage.System(instructions));
    }

    void setTools(List<Tool> offered) {
        tools = offered.stream().collect(Collectors.toMap(Tool::name, Function.identity()));
    }

    /** Something the agent said on its own (a greeting, a warning), so the model knows it. Any thread. */
    void agentSaid(String text) {
        saidMeanwhile.add(text);
    }

    /** One user turn to its answer; the caller's thread only (tools may block on other threads meanwhile). */
    String answer(String userText) throws InterruptedException {
        for (String said = saidMeanwhile.poll(); said != null; said = saidMeanwhile.poll()) {
            history.add(ChatMessage.Assistant.said(said));
        }
        history.add(new ChatMessage.User(userText));
        for (int step = 0; step <= MAX_TOOL_STEPS; step++) {
            LinkedBlockingQueue<LlmEvent> events = new LinkedBlockingQueue<>();
            llm.chat(new ChatRequest(history, List.copyOf(tools.values())), events::add);
            StringBuilder text = new StringBuilder();
            List<ToolCall> calls = new ArrayList<>();
            while (true) {
                LlmEvent event = events.poll(ANSWER_SECONDS, TimeUnit.SECONDS);
                if (event == null || event instanceof LlmEvent.Failed) {
                    return "Sorry, I couldn't think of an answer just now.";
                }
                if (event instanceof LlmEvent.TextDelta delta) {
                    text.append(delta.text());
                } else if (event instanceof LlmEvent.ToolCallRequested requested) {
                    calls.add(requested.call());
                } else if (event instanceof LlmEvent.Done) {
                    break;
                }
            }
            if (calls.isEmpty() || step == MAX_TOOL_STEPS) {
                String said = text.toString().strip();
                history.add(ChatMessage.Assistant.said(said));
                return said;
            }
            history.add(new ChatMessage.Assistant(text.toString(), calls, false));
            for (ToolCall call : calls) {
                history.add(new ChatMessage.ToolResult(call.id(), call.name(), run(call)));
            }
        }
        return "";
    }

    private String run(ToolCall call) {
        Tool tool = tools.get(call.name());
        if (tool == null) {
            return "{\"error\":\"unknown_tool\",\"message\":\"There is no tool called " + call.name() + ".\"}";
        }
        try {
            return tool.handler().call(call.argumentsJson());
        } catch (Exception e) {
            return "{\"error\":\"tool_failed\",\"message\":\"That didn't work just now.\"}";
        }
    }
}
