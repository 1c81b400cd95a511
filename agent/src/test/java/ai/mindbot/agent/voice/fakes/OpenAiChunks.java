package ai.mindbot.agent.voice.fakes;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code chat.completion.chunk} objects as OpenAI streams them (the shape of openai-java's
 * {@code ChatCompletionChunk}): the first delta carries the role, text arrives in
 * {@code delta.content}, a tool call's id and name come first and its arguments follow as string
 * fragments under the same {@code index}, then a chunk with {@code finish_reason}, then (with
 * {@code include_usage}) one with empty {@code choices} and the usage.
 */
public final class OpenAiChunks {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final String id;
    private final String model;
    private final List<String> chunks = new ArrayList<>();

    private OpenAiChunks(String id, String model) {
        this.id = id;
        this.model = model;
    }

    public static OpenAiChunks answer(String id) {
        return new OpenAiChunks(id, "gpt-4o-mini");
    }

    /** A text answer streamed in {@code pieces}, finished with {@code stop} and usage. */
    public static List<String> text(String... pieces) {
        OpenAiChunks answer = answer("chatcmpl-text").role();
        for (String piece : pieces) {
            answer.content(piece);
        }
        return answer.finish("stop").usage(50, pieces.length).build();
    }

    public OpenAiChunks role() {
        ObjectNode delta = JSON.createObjectNode().put("role", "assistant").put("content", "");
        return chunk(delta, null);
    }

    public OpenAiChunks content(String text) {
        return chunk(JSON.createObjectNode().put("content", text), null);
    }

    /** The first delta of a tool call: its id, the function's name and empty arguments. */
    public OpenAiChunks toolCall(int index, String callId, String name) {
        ObjectNode delta = JSON.createObjectNode();
        delta.put("role", "assistant");
        delta.putNull("content");
        ObjectNode call = delta.putArray("tool_calls").addObject();
        call.put("index", index);
        call.put("id", callId);
        call.put("type", "function");
        call.putObject("function").put("name", name).put("arguments", "");
        return chunk(delta, null);
    }

    /** A later delta of tool call {@code index}: the next fragment of its arguments string. */
    public OpenAiChunks arguments(int index, String fragment) {
        ObjectNode delta = JSON.createObjectNode();
        ObjectNode call = delta.putArray("tool_calls").addObject();
        call.put("index", index);
        call.putObject("function").put("arguments", fragment);
        return chunk(delta, null);
    }

    public OpenAiChunks finish(String reason) {
        return chunk(JSON.createObjectNode(), reason);
    }

    public OpenAiChunks usage(int prompt, int completion) {
        ObjectNode c = header();
        c.putArray("choices");
        c.putObject("usage")
                .put("prompt_tokens", prompt)
                .put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
        chunks.add(JSON.writeValueAsString(c));
        return this;
    }

    public List<String> build() {
        return List.copyOf(chunks);
    }

    private OpenAiChunks chunk(ObjectNode delta, String finishReason) {
        ObjectNode c = header();
        ObjectNode choice = c.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        c.putNull("usage");
        chunks.add(JSON.writeValueAsString(c));
        return this;
    }

    private ObjectNode header() {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", id);
        c.put("object", "chat.completion.chunk");
        c.put("created", 1_767_225_600L);
        c.put("model", model);
        c.put("system_fingerprint", "fp_fake");
        return c;
    }
}
