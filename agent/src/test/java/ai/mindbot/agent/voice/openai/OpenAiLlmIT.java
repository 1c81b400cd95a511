package ai.mindbot.agent.voice.openai;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.api.Cancellable;
import ai.mindbot.agent.voice.ChatMessage;
import ai.mindbot.agent.voice.ChatRequest;
import ai.mindbot.agent.voice.LlmEvent;
import ai.mindbot.agent.voice.Tool;
import ai.mindbot.agent.voice.ToolCall;
import ai.mindbot.agent.voice.fakes.FakeHttpApi;
import ai.mindbot.agent.voice.fakes.FakeReply;
import ai.mindbot.agent.voice.fakes.OpenAiChunks;
import ai.mindbot.agent.voice.fakes.Recorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenAiLlmIT {

    /** Generous: the first request in a JVM loads the SDK, seconds when the machine is busy. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final String CHAT = "/v1/chat/completions";
    private static final Tool BALANCE = new Tool(
            "get_balance",
            "The caller's remaining time",
            "{\"type\":\"object\",\"properties\":{\"unit\":{\"type\":\"string\",\"enum\":[\"minutes\",\"seconds\"]}},"
                    + "\"required\":[\"unit\"]}",
            args -> "42 minutes");

    private FakeHttpApi openai;

    @BeforeEach
    void start() throws Exception {
        openai = FakeHttpApi.start();
    }

    @AfterEach
    void stop() {
        openai.close();
    }

    private OpenAiLlm llm() {
        return new OpenAiLlm(settings());
    }

    private OpenAiSettings settings() {
        return OpenAiSettings.from(
                        Map.of("OPENAI_API_KEY", "sk-test-secret", "OPENAI_BASE_URL", openai.baseUrl() + "/v1"))
                .orElseThrow();
    }

    private static ChatRequest ask(String question) {
        return new ChatRequest(
                List.of(new ChatMessage.System("You are MindBot."), new ChatMessage.User(question)), List.of(BALANCE));
    }

    @Test
    void streamsTextDeltasAsTheyArriveThenDoneWithUsage() throws Exception {
        OpenAiLlm llm = llm();
        // The SDK's first request loads its classes (seconds on a busy machine, see OpenAiLlm.warmUp);
        // a first turn gets that out of the way so the timing below measures streaming alone.
        openai.enqueue(CHAT, FakeReply.Sse.of(OpenAiChunks.text("warm")));
        Recorder<LlmEvent> first = new Recorder<>();
        llm.chat(ask("hi"), first);
        first.awaitType(LlmEvent.Done.class, Duration.ofSeconds(60));

        openai.enqueue(
                CHAT,
                new FakeReply.Sse(
                        OpenAiChunks.text("You have ", "42 minutes", " left."),
                        Duration.ofMillis(100),
                        FakeReply.Ending.COMPLETE));
        Recorder<LlmEvent> events = new Recorder<>();

        llm.chat(ask("How much time do I have?"), events);
        events.awaitType(LlmEvent.Done.class, WAIT);

        assertThat(events.events())
                .containsExactly(
                        new LlmEvent.TextDelta("You have "),
                        new LlmEvent.TextDelta("42 minutes"),
                        new LlmEvent.TextDelta(" left."),
                        new LlmEvent.Done("stop", 50, 3));
        // Streamed, not buffered: the deltas arrived about as far apart as the server sent them.
        List<Long> at = events.arrivals();
        assertThat(Duration.ofNanos(at.get(2) - at.get(0))).isGreaterThan(Duration.ofMillis(150));

        FakeHttpApi.Recorded request = openai.requests(CHAT).get(1);
        assertThat(request.header("Authorization")).isEqualTo("Bearer sk-test-secret");
        JsonNode body = JsonMapper.builder().build().readTree(request.body());
        assertThat(body.path("model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean())
                .isTrue();
    }

    @Test
    void assemblesToolCallsFromInterleavedArgumentFragments() throws Exception {
        List<String> chunks = OpenAiChunks.answer("chatcmpl-tools")
                .toolCall(0, "call_1", "get_balance")
                .arguments(0, "{\"unit\":")
                .toolCall(1, "call_2", "add_time")
                .arguments(0, "\"minu")
                .arguments(1, "{\"minutes\":")
                .arguments(0, "tes\"}")
                .arguments(1, "30}")
                .finish("tool_calls")
                .usage(61, 27)
                .build();
        openai.enqueue(CHAT, FakeReply.Sse.of(chunks));
        Recorder<LlmEvent> events = new Recorder<>();

        llm().chat(ask("How much time do I have, and add thirty minutes"), events);
        events.awaitType(LlmEvent.Done.class, WAIT);

        assertThat(events.events())
                .containsExactly(
                        new LlmEvent.ToolCallRequested(new ToolCall("call_1", "get_balance", "{\"unit\":\"minutes\"}")),
                        new LlmEvent.ToolCallRequested(new ToolCall("call_2", "add_time", "{\"minutes\":30}")),
                        new LlmEvent.Done("tool_calls", 61, 27));
    }

    @Test
    void sendsHistoryToolCallsToolResultsAndToolSchemasInTheApiShape() throws Exception {
        openai.enqueue(CHAT, FakeReply.Sse.of(OpenAiChunks.text("Done.")));
        ChatRequest request = new ChatRequest(
                List.of(
                        new ChatMessage.System("You are MindBot."),
                        new ChatMessage.User("How much time do I have?"),
                        new ChatMessage.Assistant(
                                "", List.of(new ToolCall("call_1", "get_balance", "{\"unit\":\"minutes\"}")), false),
                        new ChatMessage.ToolResult("call_1", "get_balance", "42 minutes"),
                        new ChatMessage.Assistant("You have forty", List.of(), true),
                        new ChatMessage.User("Thanks")),
                List.of(BALANCE));
        Recorder<LlmEvent> events = new Recorder<>();

        llm().chat(request, events);
        events.awaitType(LlmEvent.Done.class, WAIT);

        JsonNode body = JsonMapper.builder()
                .build()
                .readTree(openai.requests(CHAT).get(0).body());
        JsonNode messages = body.path("messages");
        List<String> roles = new ArrayList<>();
        messages.forEach(m -> roles.add(m.path("role").asString()));
        assertThat(roles).containsExactly("system", "user", "assistant", "tool", "assistant", "user");
        JsonNode call = messages.path(2).path("tool_calls").path(0);
        assertThat(call.path("id").asString()).isEqualTo("call_1");
        assertThat(call.path("type").asString()).isEqualTo("function");
        assertThat(call.path("function").path("name").asString()).isEqualTo("get_balance");
        assertThat(call.path("function").path("arguments").asString()).isEqualTo("{\"unit\":\"minutes\"}");
        assertThat(messages.path(2).has("content"))
                .as("a tool-only turn sends no content")
                .isFalse();
        assertThat(messages.path(3).path("tool_call_id").asString()).isEqualTo("call_1");
        assertThat(messages.path(3).path("content").asString()).isEqualTo("42 minutes");
        assertThat(messages.path(4).path("content").asString()).isEqualTo("You have forty");

        JsonNode tool = body.path("tools").path(0);
        assertThat(tool.path("type").asString()).isEqualTo("function");
        assertThat(tool.path("function").path("name").asString()).isEqualTo("get_balance");
        assertThat(tool.path("function")
                        .path("parameters")
                        .path("properties")
                        .path("unit")
                        .path("enum")
                        .path(1)
                        .asString())
                .isEqualTo("seconds");
        assertThat(tool.path("function")
                        .path("parameters")
                        .path("required")
                        .path(0)
                        .asString())
                .isEqualTo("unit");
    }

    @Test
    void aRefusedKeyFailsAtOnceWithoutRetrying() throws Exception {
        openai.enqueue(CHAT, FakeReply.unauthorized());
        openai.enqueue(CHAT, FakeReply.Sse.of(OpenAiChunks.text("should never be asked for")));
        Recorder<LlmEvent> events = new Recorder<>();

        llm().chat(ask("hello"), events);
        events.awaitType(LlmEvent.Failed.class, WAIT);
        Thread.sleep(300);

        assertThat(openai.requests(CHAT)).hasSize(1);
        assertThat(events.events()).hasSize(1);
        Throwable error = ((LlmEvent.Failed) events.events().get(0)).error();
        assertThat(error).hasMessageContaining("401").hasMessageContaining("OPENAI_API_KEY");
        assertThat(error.getMessage()).doesNotContain("sk-test-secret");
    }

    @Test
    void aRateLimitIsRetriedAfterTheRetryAfterItGives() throws Exception {
        openai.enqueue(CHAT, FakeReply.rateLimited(1));
        openai.enqueue(CHAT, FakeReply.Sse.of(OpenAiChunks.text("Hello.")));
        Recorder<LlmEvent> events = new Recorder<>();

        llm().chat(ask("hello"), events);
        events.awaitType(LlmEvent.Done.class, WAIT);

        assertThat(events.events()).containsExactly(new LlmEvent.TextDelta("Hello."), new LlmEvent.Done("stop", 50, 1));
        List<FakeHttpApi.Recorded> requests = openai.requests(CHAT);
        assertThat(requests).hasSize(2);
        Duration waited = Duration.ofNanos(
                requests.get(1).arrivedNanos() - requests.get(0).arrivedNanos());
        assertThat(waited).as("Retry-After: 1").isBetween(Duration.ofMillis(950), Duration.ofMillis(2500));
    }

    @Test
    void aRateLimitThatPersistsFailsAfterABoundedNumberOfRetries() throws Exception {
        for (int i = 0; i < 4; i++) {
            openai.enqueue(CHAT, FakeReply.rateLimited(0));
        }
        Recorder<LlmEvent> events = new Recorder<>();

        llm().chat(ask("hello"), events);
        events.awaitType(LlmEvent.Failed.class, WAIT);

        assertThat(openai.requests(CHAT)).hasSize(1 + OpenAiLlm.MAX_RETRIES);
        assertThat(((LlmEvent.Failed) events.events().get(0)).error()).hasMessageContaining("429");
    }

    @Test
    void aConnectionDroppedMidAnswerFailsTheTurn() throws Exception {
        List<String> partial = OpenAiChunks.answer("chatcmpl-cut")
                .role()
                .content("You have ")
                .content("forty")
                .build();
        openai.enqueue(CHAT, new FakeReply.Sse(partial, Duration.ofMillis(10), FakeReply.Ending.DROP));
        Recorder<LlmEvent> events = new Recorder<>();

        llm().chat(ask("How much time do I have?"), events);
        events.awaitType(LlmEvent.Failed.class, WAIT);

        assertThat(events.events()).hasSize(3);
        assertThat(events.events().subList(0, 2))
                .containsExactly(new LlmEvent.TextDelta("You have "), new LlmEvent.TextDelta("forty"));
        assertThat(((LlmEvent.Failed) events.events().get(2)).error()).hasMessageContaining("OpenAI");
    }

    @Test
    void cancelStopsDeliveryAtOnce() throws Exception {
        OpenAiChunks slow = OpenAiChunks.answer("chatcmpl-slow").role();
        for (int i = 0; i < 40; i++) {
            slow.content("word" + i + " ");
        }
        openai.enqueue(
                CHAT, new FakeReply.Sse(slow.finish("stop").build(), Duration.ofMillis(50), FakeReply.Ending.COMPLETE));
        Recorder<LlmEvent> events = new Recorder<>();

        Cancellable call = llm().chat(ask("Tell me a long story"), events);
        events.awaitType(LlmEvent.TextDelta.class, WAIT);
        call.cancel();
        int atCancel = events.events().size();
        Thread.sleep(400);

        assertThat(events.events()).hasSize(atCancel);
        assertThat(events.events()).allMatch(e -> e instanceof LlmEvent.TextDelta);
    }
}
