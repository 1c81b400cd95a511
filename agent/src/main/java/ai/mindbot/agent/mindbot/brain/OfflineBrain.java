package ai.mindbot.agent.mindbot.brain;

import ai.mindbot.agent.api.Cancellable;
import ai.mindbot.agent.mindbot.services.Json;
import ai.mindbot.agent.mindbot.tools.MindBotTools;
import ai.mindbot.agent.voice.ChatMessage;
import ai.mindbot.agent.voice.ChatRequest;
import ai.mindbot.agent.voice.Llm;
import ai.mindbot.agent.voice.LlmEvent;
import ai.mindbot.agent.voice.Tool;
import ai.mindbot.agent.voice.ToolCall;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The offline "LLM": a rule-based brain that speaks the {@link Llm} protocol, so the conversation
 * engine runs it exactly like a cloud model. For a tool intent it emits
 * {@link LlmEvent.ToolCallRequested} (when the request offers that tool) and finishes with
 * {@code tool_calls}; when the request ends in tool results it phrases them; otherwise it answers
 * from its small-talk lines. Text streams as word-sized {@link LlmEvent.TextDelta}s so sentence
 * splitting and TTS start just as with a real model. It takes microseconds, on its own thread as the
 * contract wants.
 */
public final class OfflineBrain implements Llm {

    /** What the brain asks when the weather question names no place; an answer to it is the place. */
    static final String WHICH_PLACE = "Which city would you like the weather for?";

    private static final ExecutorService SHARED = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "offline-brain");
        thread.setDaemon(true);
        return thread;
    });

    private final Executor thread;
    private final Clock clock;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong turns = new AtomicLong();

    public OfflineBrain() {
        this(SHARED, Clock.systemUTC());
    }

    /** A brain answering on {@code thread} (tests pass a direct or manual executor) with {@code clock} for the time of day. */
    public OfflineBrain(Executor thread, Clock clock) {
        this.thread = thread;
        this.clock = clock;
    }

    @Override
    public Cancellable chat(ChatRequest request, Consumer<LlmEvent> events) {
        AtomicBoolean cancelled = new AtomicBoolean();
        thread.execute(() -> {
            try {
                answer(request, event -> {
                    if (!cancelled.get()) {
                        events.accept(event);
                    }
                });
            } catch (RuntimeException e) {
                if (!cancelled.get()) {
                    events.accept(new LlmEvent.Failed(e));
                }
            }
        });
        return () -> cancelled.set(true);
    }

    private void answer(ChatRequest request, Consumer<LlmEvent> events) {
        List<ChatMessage> messages = request.messages();
        List<ChatMessage.ToolResult> results = trailingToolResults(messages);
        if (!results.isEmpty()) {
            List<String> said = new ArrayList<>();
            results.forEach(r -> said.add(ToolReplies.phrase(r.name(), r.content())));
            speak(String.join(" ", said), events);
            return;
        }
        String userText = lastUserText(messages);
        Understood understood = IntentReader.read(userText);
        if (understood.intent() == Intent.SMALL_TALK
                && WHICH_PLACE.equals(lastAssistantText(messages))
                && !IntentReader.bare(userText).isEmpty()) {
            understood = new Understood(Intent.WEATHER, IntentReader.bare(userText));
        }
        switch (understood.intent()) {
            case BALANCE -> callTool(request, MindBotTools.CHECK_TIME_BALANCE, "{}", events);
            case PACKAGES -> callTool(request, MindBotTools.GET_TIME_PACKAGES, "{}", events);
            case SESSION_COST -> callTool(request, MindBotTools.ESTIMATE_SESSION_COST, "{}", events);
            case WEATHER -> {
                if (understood.place().isEmpty()) {
                    speak(WHICH_PLACE, events);
                } else {
                    callTool(
                            request,
                            MindBotTools.LOOKUP_WEATHER,
                            Json.write(Json.object().put("location", understood.place())),
                            events);
                }
            }
            default -> speak(SmallTalk.reply(understood.intent(), (int) turns.getAndIncrement(), clock), events);
        }
    }

    private void callTool(ChatRequest request, String name, String arguments, Consumer<LlmEvent> events) {
        boolean offered = request.tools().stream().map(Tool::name).anyMatch(name::equals);
        if (!offered) {
            speak("I can't look that up in this conversation.", events);
            return;
        }
        events.accept(new LlmEvent.ToolCallRequested(
                new ToolCall("call_offline_" + calls.incrementAndGet(), name, arguments)));
        events.accept(new LlmEvent.Done("tool_calls", 0, 0));
    }

    private static void speak(String text, Consumer<LlmEvent> events) {
        String[] words = text.split("(?<= )");
        for (String word : words) {
            events.accept(new LlmEvent.TextDelta(word));
        }
        events.accept(new LlmEvent.Done("stop", 0, words.length));
    }

    /** The tool results that close the history (the answers to the brain's own last tool calls). */
    private static List<ChatMessage.ToolResult> trailingToolResults(List<ChatMessage> messages) {
        List<ChatMessage.ToolResult> results = new ArrayList<>();
        for (int i = messages.size() - 1; i >= 0 && messages.get(i) instanceof ChatMessage.ToolResult result; i--) {
            results.add(0, result);
        }
        return results;
    }

    private static String lastUserText(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof ChatMessage.User user) {
                return user.text();
            }
        }
        return "";
    }

    private static String lastAssistantText(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof ChatMessage.Assistant assistant
                    && !assistant.text().isBlank()) {
                return assistant.text().strip();
            }
            if (messages.get(i) instanceof ChatMessage.User && i != lastIndexOfUser(messages)) {
                return "";
            }
        }
        return "";
    }

    private static int lastIndexOfUser(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof ChatMessage.User) {
                return i;
            }
        }
        return -1;
    }
}
