package ai.mindbot.agent.voice.openai;

import ai.mindbot.agent.voice.ChatMessage;
import ai.mindbot.agent.voice.ChatRequest;
import ai.mindbot.agent.voice.Tool;
import ai.mindbot.agent.voice.ToolCall;
import com.openai.core.JsonValue;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Our history and tools in the shape chat completions take: system and user text, assistant turns
 * with the {@code tool_calls} they made, each tool's answer as a {@code tool} message naming the
 * call, and every {@link Tool} as a {@code function} tool with its JSON Schema. Usage is asked for
 * in the stream so each turn's token counts can be metered.
 */
final class ChatParams {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ChatParams() {}

    static ChatCompletionCreateParams of(String model, ChatRequest request) {
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
                .model(model)
                .streamOptions(
                        ChatCompletionStreamOptions.builder().includeUsage(true).build());
        for (ChatMessage message : request.messages()) {
            if (message instanceof ChatMessage.System system) {
                params.addSystemMessage(system.text());
            } else if (message instanceof ChatMessage.User user) {
                params.addUserMessage(user.text());
            } else if (message instanceof ChatMessage.Assistant assistant) {
                params.addMessage(assistant(assistant));
            } else if (message instanceof ChatMessage.ToolResult result) {
                params.addMessage(ChatCompletionToolMessageParam.builder()
                        .toolCallId(result.callId())
                        .content(result.content())
                        .build());
            }
        }
        for (Tool tool : request.tools()) {
            params.addTool(ChatCompletionFunctionTool.builder()
                    .function(FunctionDefinition.builder()
                            .name(tool.name())
                            .description(tool.description())
                            .parameters(schema(tool))
                            .build())
                    .build());
        }
        return params.build();
    }

    private static ChatCompletionAssistantMessageParam assistant(ChatMessage.Assistant assistant) {
        ChatCompletionAssistantMessageParam.Builder message = ChatCompletionAssistantMessageParam.builder();
        // A turn that only called tools has no text; the API wants content absent then, not "".
        if (!assistant.text().isEmpty() || assistant.toolCalls().isEmpty()) {
            message.content(assistant.text());
        }
        for (ToolCall call : assistant.toolCalls()) {
            message.addToolCall(ChatCompletionMessageFunctionToolCall.builder()
                    .id(call.id())
                    .function(ChatCompletionMessageFunctionToolCall.Function.builder()
                            .name(call.name())
                            .arguments(call.argumentsJson())
                            .build())
                    .build());
        }
        return message.build();
    }

    private static FunctionParameters schema(Tool tool) {
        Map<String, Object> schema;
        try {
            schema = JSON.readValue(tool.parametersJsonSchema(), new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    "tool " + tool.name() + " has a parameters schema that is not a JSON object", e);
        }
        FunctionParameters.Builder parameters = FunctionParameters.builder();
        schema.forEach((key, value) -> parameters.putAdditionalProperty(key, JsonValue.from(value)));
        return parameters.build();
    }
}
