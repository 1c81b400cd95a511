package ai.mindbot.common.apidocs;

import static org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Adds a problem+json answer to an operation: one response per status, holding every code that
 * status can carry, each as an example and a line of the description.
 */
final class ProblemResponses {

    static final String SCHEMA = "Problem";
    static final String MEDIA_TYPE = APPLICATION_PROBLEM_JSON_VALUE;

    private ProblemResponses() {}

    static void add(Operation operation, int status, String code, String when) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        String key = String.valueOf(status);
        ApiResponse response = operation.getResponses().get(key);
        if (response == null) {
            response = new ApiResponse().description(reason(status));
            operation.getResponses().addApiResponse(key, response);
        }
        if (response.getContent() == null) {
            response.setContent(new Content());
        }
        MediaType media = response.getContent().get(MEDIA_TYPE);
        if (media == null) {
            media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA));
            response.getContent().addMediaType(MEDIA_TYPE, media);
        }
        if (media.getExamples() != null && media.getExamples().containsKey(code)) {
            return;
        }
        media.addExamples(
                code, new Example().summary(when.isEmpty() ? code : when).value(example(status, code, when)));
        response.setDescription(
                response.getDescription() + "\n\n- `" + code + "`" + (when.isEmpty() ? "" : ": " + when));
    }

    private static Map<String, Object> example(int status, String code, String when) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "/problems/" + code);
        example.put("title", reason(status));
        example.put("status", status);
        if (!when.isEmpty()) {
            example.put("detail", when);
        }
        example.put("code", code);
        return example;
    }

    private static String reason(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Refused" : known.getReasonPhrase();
    }
}
