package ai.mindbot.agent.voice.openai;

import ai.mindbot.agent.api.Cancellable;
import ai.mindbot.agent.voice.ChatMessage;
import ai.mindbot.agent.voice.ChatRequest;
import ai.mindbot.agent.voice.Llm;
import ai.mindbot.agent.voice.LlmEvent;
import ai.mindbot.agent.voice.Tool;
import ai.mindbot.agent.voice.ToolCall;
import ai.mindbot.agent.voice.wire.EventGate;
import ai.mindbot.agent.voice.wire.NoDelaySockets;
import ai.mindbot.agent.voice.wire.ProviderException;
import ai.mindbot.agent.voice.wire.ProviderThreads;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.ObjectMappers;
import com.openai.core.Timeout;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat completions, streamed, with tools, on the official {@code openai-java} SDK. The SDK owns the
 * HTTP, the SSE parsing and the retries: 408/409/429/5xx and connection failures are tried again up
 * to {@code maxRetries} times, waiting what {@code Retry-After(-Ms)} says (at most 8 s) or 0.5 s
 * doubling; a 401 is not retried. Text deltas go out as they arrive; tool calls are assembled by
 * index and go out when the stream finishes, followed by {@link LlmEvent.Done}.
 */
public final class OpenAiLlm implements Llm {

    private static final Logger log = LoggerFactory.getLogger(OpenAiLlm.class);

    /** The SDK's default: two retries keep a rate-limited turn under about 10 s in the worst case. */
    static final int MAX_RETRIES = 2;

    private final OpenAIClient client;
    private final String model;
    private final int maxRetries;
    private final ExecutorService readers = ProviderThreads.pool("openai-llm");

    public OpenAiLlm(OpenAiSettings settings) {
        this(settings, MAX_RETRIES);
    }

    OpenAiLlm(OpenAiSettings settings, int maxRetries) {
        this.model = settings.model();
        this.maxRetries = maxRetries;
        this.client = OpenAIOkHttpClient.builder()
                .apiKey(settings.apiKey())
                .baseUrl(settings.baseUrl().toString())
                .maxRetries(maxRetries)
                .okHttpClient(new okhttp3.OkHttpClient.Builder()
                        .socketFactory(new NoDelaySockets())
                        .build())
                // connect 5 s; a stream silent for 20 s is dead; no answer in a voice turn runs 2 min.
                .timeout(Timeout.builder()
                        .connect(Duration.ofSeconds(5))
                        .read(Duration.ofSeconds(20))
                        .write(Duration.ofSeconds(10))
                        .request(Duration.ofMinutes(2))
                        .build())
                .build();
        readers.execute(OpenAiLlm::warmUp);
    }

    /**
     * Loads the SDK's classes before the first caller needs them. The SDK is Kotlin with Jackson
     * modules; its first request builds and parses through several thousand classes, which took
     * 1.2-4 s per step on this 2-core machine under load (params 2.5 s, first chunk parsed 4.0 s,
     * client 1.5 s: /tmp probe, see the report). Paid at start-up instead of in someone's first turn.
     */
    private static void warmUp() {
        try {
            ChatParams.of(
                    "warm-up",
                    new ChatRequest(
                            List.of(
                                    new ChatMessage.System("s"),
                                    new ChatMessage.User("u"),
                                    new ChatMessage.Assistant("", List.of(new ToolCall("c", "t", "{}")), false),
                                    new ChatMessage.ToolResult("c", "t", "r")),
                            List.of(new Tool("t", "d", Tool.NO_PARAMETERS, args -> ""))));
            ChatCompletionChunk chunk = ObjectMappers.jsonMapper().readValue(WARM_UP_CHUNK, ChatCompletionChunk.class);
            chunk.choices()
                    .forEach(choice ->
                            choice.delta().toolCalls().ifPresent(calls -> calls.forEach(new ToolCallAssembler()::add)));
        } catch (Exception | LinkageError e) {
            log.debug("OpenAI SDK warm-up failed; the first request will load its classes instead", e);
        }
    }

    private static final String WARM_UP_CHUNK = "{\"id\":\"w\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"w\",\"tool_calls\":[{\"index\":0,"
            + "\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":\"t\",\"arguments\":\"{}\"}}]},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}";

    @Override
    public Cancellable chat(ChatRequest request, Consumer<LlmEvent> events) {
        EventGate<LlmEvent> gate = new EventGate<>(events);
        ChatCompletionCreateParams params;
        try {
            params = ChatParams.of(model, request);
        } catch (IllegalArgumentException badTool) {
            gate.finish(new LlmEvent.Failed(badTool));
            return gate::cancel;
        }
        Future<?> reader = readers.submit(() -> stream(params, gate));
        // The reader closes the response itself when it sees the gate shut, at the next chunk
        // (tens of ms apart while a model streams). Closing it from here instead races the
        // reader inside OkHttp ("Unbalanced enter/exit", seen in OpenAiLlmIT). The interrupt
        // ends a retry's back-off sleep at once.
        return () -> {
            gate.cancel();
            reader.cancel(true);
        };
    }

    private void stream(ChatCompletionCreateParams params, EventGate<LlmEvent> gate) {
        try (StreamResponse<ChatCompletionChunk> response =
                client.chat().completions().createStreaming(params)) {
            ToolCallAssembler toolCalls = new ToolCallAssembler();
            String finishReason = null;
            long promptTokens = 0;
            long completionTokens = 0;
            Iterator<ChatCompletionChunk> chunks = response.stream().iterator();
            while (gate.isOpen() && chunks.hasNext()) {
                ChatCompletionChunk chunk = chunks.next();
                if (chunk.usage().isPresent()) {
                    promptTokens = chunk.usage().get().promptTokens();
                    completionTokens = chunk.usage().get().completionTokens();
                }
                for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                    if (choice.index() != 0) {
                        continue;
                    }
                    String text = choice.delta().content().orElse("");
                    if (!text.isEmpty()) {
                        gate.deliver(new LlmEvent.TextDelta(text));
                    }
                    choice.delta().toolCalls().ifPresent(deltas -> deltas.forEach(toolCalls::add));
                    if (choice.finishReason().isPresent()) {
                        finishReason = choice.finishReason().get().asString();
                    }
                }
            }
            if (!gate.isOpen()) {
                return;
            }
            if (finishReason == null) {
                // The body ended cleanly but the model never said it was done: a proxy or server cut it.
                gate.finish(new LlmEvent.Failed(
                        new ProviderException("OpenAI stream ended before the answer finished", 0)));
                return;
            }
            for (ToolCall call : toolCalls.calls()) {
                gate.deliver(new LlmEvent.ToolCallRequested(call));
            }
            gate.finish(new LlmEvent.Done(finishReason, (int) promptTokens, (int) completionTokens));
        } catch (RuntimeException failure) {
            if (gate.isOpen()) {
                gate.finish(new LlmEvent.Failed(explain(failure)));
            }
        }
    }

    private ProviderException explain(RuntimeException failure) {
        if (failure instanceof UnauthorizedException refused) {
            return new ProviderException(
                    "OpenAI refused the key: HTTP 401 (check OPENAI_API_KEY)", refused.statusCode());
        }
        if (failure instanceof RateLimitException limited) {
            return new ProviderException(
                    "OpenAI rate limit: HTTP 429 after " + maxRetries + " retries", limited.statusCode());
        }
        if (failure instanceof OpenAIServiceException answered) {
            return new ProviderException(
                    "OpenAI answered HTTP " + answered.statusCode() + ": " + answered.getMessage(),
                    answered.statusCode());
        }
        String why = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return new ProviderException("OpenAI stream broke: " + why, failure);
    }

    @Override
    public String toString() {
        return "OpenAI LLM " + model;
    }
}
