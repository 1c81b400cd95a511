package ai.mindbot.agent.voice;

import ai.mindbot.agent.api.Cancellable;
import ai.mindbot.agent.api.JobExecutor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the model for one reply: streams its text into the speech sentence by sentence, runs the
 * tools it asks for off the job's thread (handlers block on HTTP), feeds their results back, and
 * repeats up to {@link VoiceOptions#maxToolSteps()} rounds; the round after that is offered no
 * tools, so the model has to answer in words. A tool slower than {@link VoiceOptions#fillerDelay()}
 * makes the agent say {@link VoiceOptions#fillerText()} so the line is not silent.
 */
final class ModelReply {

    /** What the reply needs from the conversation. */
    interface Context {
        /** System prompt, history and the reply's extra instructions, for the next request. */
        List<ChatMessage> requestMessages();

        List<Tool> tools();

        /** A finished tool round: the assistant's calls and their results, appended in that order. */
        void toolRoundFinished(ChatMessage.Assistant calls, List<ChatMessage.ToolResult> results);

        void modelFailed(AgentSpeech speech, Throwable error);
    }

    private static final Logger log = LoggerFactory.getLogger(ModelReply.class);

    private final AgentSpeech speech;
    private final Llm llm;
    private final JobExecutor executor;
    private final ExecutorService toolThreads;
    private final VoiceOptions options;
    private final Context context;

    private int step;
    private int generation;
    private Cancellable request;
    private SentenceSplitter splitter;
    private StringBuilder stepText;
    private List<ToolCall> calls;
    private final List<Future<?>> runningTools = new ArrayList<>();
    private Map<String, ChatMessage.ToolResult> results;
    private Cancellable fillerTimer;
    private boolean stopped;

    long firstRequestNanos = -1;
    long firstTokenNanos = -1;

    ModelReply(
            AgentSpeech speech,
            Llm llm,
            JobExecutor executor,
            ExecutorService toolThreads,
            VoiceOptions options,
            Context context) {
        this.speech = speech;
        this.llm = llm;
        this.executor = executor;
        this.toolThreads = toolThreads;
        this.options = options;
        this.context = context;
        speech.onStop(this::stop);
    }

    void start() {
        step = 1;
        request();
    }

    private void request() {
        splitter = new SentenceSplitter();
        stepText = new StringBuilder();
        calls = new ArrayList<>();
        speech.beginStep(step);
        List<Tool> tools = step <= options.maxToolSteps() ? context.tools() : List.of();
        ChatRequest chat = new ChatRequest(context.requestMessages(), tools);
        int current = ++generation;
        if (firstRequestNanos < 0) {
            firstRequestNanos = executor.nanoTime();
        }
        try {
            request = llm.chat(
                    chat,
                    event -> executor.execute(() -> {
                        if (current == generation && !stopped) {
                            onEvent(event);
                        }
                    }));
        } catch (RuntimeException e) {
            context.modelFailed(speech, e);
        }
    }

    private void onEvent(LlmEvent event) {
        if (event instanceof LlmEvent.TextDelta delta) {
            if (firstTokenNanos < 0) {
                firstTokenNanos = executor.nanoTime();
            }
            stepText.append(delta.text());
            splitter.push(delta.text()).forEach(s -> speech.addSentence(s, true, step));
        } else if (event instanceof LlmEvent.ToolCallRequested call) {
            calls.add(call.call());
        } else if (event instanceof LlmEvent.Done) {
            request = null;
            String rest = splitter.finish();
            if (rest != null) {
                speech.addSentence(rest, true, step);
            }
            if (calls.isEmpty() || step > options.maxToolSteps()) {
                speech.completeText(step);
            } else {
                runTools();
            }
        } else if (event instanceof LlmEvent.Failed failed) {
            request = null;
            context.modelFailed(speech, failed.error());
        }
    }

    private void runTools() {
        results = new LinkedHashMap<>();
        Map<String, Tool> byName = new LinkedHashMap<>();
        context.tools().forEach(t -> byName.put(t.name(), t));
        int current = generation;
        for (ToolCall call : calls) {
            Tool tool = byName.get(call.name());
            runningTools.add(toolThreads.submit(() -> {
                String content = invoke(tool, call);
                executor.execute(() -> {
                    if (current == generation && !stopped) {
                        toolFinished(call, content);
                    }
                });
            }));
        }
        fillerTimer = executor.schedule(
                () -> {
                    if (current == generation && !stopped && results.size() < calls.size()) {
                        speech.addSentence(options.fillerText(), false, step);
                    }
                },
                options.fillerDelay());
    }

    /** Runs on a tool thread: a handler that throws gives the model the error, not silence. */
    private static String invoke(Tool tool, ToolCall call) {
        if (tool == null) {
            return "error: no tool named " + call.name();
        }
        try {
            return tool.handler().call(call.argumentsJson());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "error: cancelled";
        } catch (Exception e) {
            log.warn("tool {} failed: {}", call.name(), e.toString());
            return "error: " + e.getMessage();
        }
    }

    private void toolFinished(ToolCall call, String content) {
        results.put(call.id(), new ChatMessage.ToolResult(call.id(), call.name(), content));
        if (results.size() < calls.size()) {
            return;
        }
        cancelFiller();
        runningTools.clear();
        List<ChatMessage.ToolResult> ordered =
                calls.stream().map(c -> results.get(c.id())).toList();
        context.toolRoundFinished(new ChatMessage.Assistant(stepText.toString().strip(), calls, false), ordered);
        step++;
        request();
    }

    /**
     * The speech stopped (interrupted or failed). Calls already made still get an answer in the
     * history, because chat APIs reject an assistant tool call that has no result after it.
     */
    private void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        generation++;
        if (request != null) {
            request.cancel();
            request = null;
        }
        cancelFiller();
        if (results != null && !runningTools.isEmpty() && results.size() < calls.size()) {
            runningTools.forEach(f -> f.cancel(true));
            List<ChatMessage.ToolResult> answered = calls.stream()
                    .map(c -> results.getOrDefault(
                            c.id(), new ChatMessage.ToolResult(c.id(), c.name(), "cancelled: the user interrupted")))
                    .toList();
            context.toolRoundFinished(
                    new ChatMessage.Assistant(stepText.toString().strip(), calls, false), answered);
        }
        runningTools.clear();
    }

    private void cancelFiller() {
        if (fillerTimer != null) {
            fillerTimer.cancel();
            fillerTimer = null;
        }
    }
}
