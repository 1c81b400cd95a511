package ai.mindbot.agent.voice.testing;

import ai.mindbot.agent.api.Cancellable;
import ai.mindbot.agent.voice.ChatRequest;
import ai.mindbot.agent.voice.Llm;
import ai.mindbot.agent.voice.LlmEvent;
import ai.mindbot.agent.voice.ToolCall;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * A chat model that plays scripts in virtual time: each {@link #chat} takes the next script queued
 * with {@link #answer}, {@link #callTool}, {@link #fail} or {@link #script}, and delivers its events
 * at their delays on the {@link ManualExecutor}, unless cancelled. With no script left it answers
 * nothing until the test {@link Call#deliver delivers} by hand. Every request is recorded.
 */
public final class FakeLlm implements Llm {

    /** One event of a script and how long after the request (or the previous event) it arrives. */
    public record Step(Duration after, LlmEvent event) {}

    /** One request the engine made. */
    public static final class Call {
        public final ChatRequest request;
        private final Consumer<LlmEvent> events;
        private volatile boolean cancelled;

        Call(ChatRequest request, Consumer<LlmEvent> events) {
            this.request = request;
            this.events = events;
        }

        public boolean cancelled() {
            return cancelled;
        }

        /** Delivers an event now, as the provider's thread would (ignored once cancelled). */
        public void deliver(LlmEvent event) {
            if (!cancelled) {
                events.accept(event);
            }
        }
    }

    private final ManualExecutor clock;
    private final Deque<List<Step>> scripts = new ArrayDeque<>();
    private final List<Call> calls = new ArrayList<>();

    public FakeLlm(ManualExecutor clock) {
        this.clock = clock;
    }

    /** Queues a text answer: the first piece after {@code ttft}, the rest 20 ms apart, then "stop". */
    public FakeLlm answer(Duration ttft, String... pieces) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < pieces.length; i++) {
            steps.add(new Step(i == 0 ? ttft : Duration.ofMillis(20), new LlmEvent.TextDelta(pieces[i])));
        }
        steps.add(new Step(
                Duration.ofMillis(pieces.length == 0 ? ttft.toMillis() : 20),
                new LlmEvent.Done("stop", 10, pieces.length)));
        return script(steps);
    }

    /** Queues an answer that asks for one tool, after {@code ttft}. */
    public FakeLlm callTool(Duration ttft, String callId, String name, String argumentsJson) {
        return script(List.of(
                new Step(ttft, new LlmEvent.ToolCallRequested(new ToolCall(callId, name, argumentsJson))),
                new Step(Duration.ZERO, new LlmEvent.Done("tool_calls", 10, 5))));
    }

    /** Queues a failure (a 401, a 429 after retries) after {@code after}. */
    public FakeLlm fail(Duration after, Throwable error) {
        return script(List.of(new Step(after, new LlmEvent.Failed(error))));
    }

    public synchronized FakeLlm script(List<Step> steps) {
        scripts.add(List.copyOf(steps));
        return this;
    }

    @Override
    public synchronized Cancellable chat(ChatRequest request, Consumer<LlmEvent> events) {
        Call call = new Call(request, events);
        calls.add(call);
        List<Step> script = scripts.poll();
        if (script != null) {
            play(call, script, 0);
        }
        return () -> call.cancelled = true;
    }

    private void play(Call call, List<Step> script, int index) {
        if (index >= script.size()) {
            return;
        }
        Step step = script.get(index);
        clock.schedule(
                () -> {
                    call.deliver(step.event());
                    play(call, script, index + 1);
                },
                step.after());
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized Call lastCall() {
        return calls.get(calls.size() - 1);
    }
}
