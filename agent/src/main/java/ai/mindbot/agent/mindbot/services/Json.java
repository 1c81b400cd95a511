package ai.mindbot.agent.mindbot.services;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** One mapper for the agent's service JSON; the services speak snake_case, read field by field. */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static JsonNode parse(String text) {
        return MAPPER.readTree(text == null || text.isBlank() ? "{}" : text);
    }

    public static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }
}
