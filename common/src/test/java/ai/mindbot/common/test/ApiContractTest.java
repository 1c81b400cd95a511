package ai.mindbot.common.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The checker itself: it must refuse what the document does not allow, or its ITs prove nothing. */
class ApiContractTest {

    private static final ApiContract CONTRACT =
            ApiContract.of(JsonMapper.builder().build().readTree("""
            {"openapi":"3.1.0","paths":{"/things/{id}":{"get":{"responses":{
              "200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}},
              "409":{"content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"},
                "examples":{"already_done":{"value":{"code":"already_done"}}}}}},
              "default":{"content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}}},
             "components":{"schemas":{
              "Thing":{"type":"object","properties":{"seconds":{"type":"integer"}},"required":["seconds"]},
              "Problem":{"type":"object","properties":{"code":{"type":"string"}},"required":["code"]}}}}
            """));

    private static Http.Response answer(int status, String type, String body) {
        return new Http.Response(status, Map.of("content-type", type), body);
    }

    @Test
    void acceptsAnswersOfTheDocumentedShape() {
        CONTRACT.assertAnswer("GET", "/things/{id}", answer(200, "application/json", "{\"seconds\":5}"));
        CONTRACT.assertAnswer(
                "GET", "/things/{id}", answer(404, "application/problem+json", "{\"code\":\"not_found\"}"));
        CONTRACT.assertAnswer(
                "GET", "/things/{id}", answer(409, "application/problem+json", "{\"code\":\"already_done\"}"));
        assertThat(CONTRACT.operations()).containsExactly("GET /things/{id}");
    }

    @Test
    void refusesWrongShapesStatusesAndMediaTypes() {
        assertThatThrownBy(() -> CONTRACT.assertAnswer(
                        "GET", "/things/{id}", answer(200, "application/json", "{\"seconds\":\"5\"}")))
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> CONTRACT.assertAnswer("GET", "/things/{id}", answer(200, "application/json", "{}")))
                .hasMessageContaining("does not match");
        assertThatThrownBy(() ->
                        CONTRACT.assertAnswer("GET", "/things/{id}", answer(404, "application/problem+json", "{}")))
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> CONTRACT.assertAnswer(
                        "GET", "/things/{id}", answer(201, "application/json", "{\"seconds\":5}")))
                .hasMessageContaining("not a documented answer");
        assertThatThrownBy(() -> CONTRACT.assertAnswer("GET", "/things/{id}", answer(200, "text/html", "<p>")))
                .hasMessageContaining("documented");
        assertThatThrownBy(() -> CONTRACT.assertAnswer(
                        "GET",
                        "/things/{id}",
                        answer(409, "application/problem+json", "{\"code\":\"something_else\"}")))
                .hasMessageContaining("does not list");
        assertThatThrownBy(() -> CONTRACT.assertAnswer("POST", "/things/{id}", answer(200, "application/json", "{}")))
                .hasMessageContaining("no POST");
    }
}
