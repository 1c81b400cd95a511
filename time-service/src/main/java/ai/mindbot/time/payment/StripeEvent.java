package ai.mindbot.time.payment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A verified Stripe event, read from the raw body rather than through stripe-java's typed models, so
 * an account on another API version still delivers the few fields we use (ids, amounts, currency).
 */
public record StripeEvent(String id, String type, JsonNode object) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static StripeEvent parse(String payload) {
        JsonNode root = JSON.readTree(payload);
        return new StripeEvent(
                root.path("id").asString(),
                root.path("type").asString(),
                root.path("data").path("object"));
    }

    String text(String field) {
        JsonNode node = object.path(field);
        if (node.isString()) {
            return node.asString();
        }
        // expanded objects ({"id": ...}) appear where an id is usual
        return node.isObject() && node.path("id").isString() ? node.path("id").asString() : null;
    }

    Long number(String field) {
        JsonNode node = object.path(field);
        return node.isIntegralNumber() ? node.asLong() : null;
    }

    String metadata(String key) {
        JsonNode node = object.path("metadata").path(key);
        return node.isString() ? node.asString() : null;
    }

    String nested(String parent, String field) {
        JsonNode node = object.path(parent).path(field);
        return node.isString() ? node.asString() : null;
    }
}
