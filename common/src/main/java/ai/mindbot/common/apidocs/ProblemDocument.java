package ai.mindbot.common.apidocs;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.util.List;

/**
 * The shape {@code ai.mindbot.common.web.Problems} writes, as the API document's {@code Problem}
 * schema. Only a description: the answers themselves are Spring's {@code ProblemDetail}. More
 * members may appear (a refusal's own facts, such as {@code balance_seconds}).
 */
@Schema(
        name = "Problem",
        description = "RFC 9457 problem details (application/problem+json). `code` is stable "
                + "for programs; `type` is /problems/<code>; quote `request_id` when reporting a fault.")
record ProblemDocument(
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "/problems/not_found")
        String type,

        @Schema(requiredMode = RequiredMode.REQUIRED, example = "Not Found")
        String title,

        @Schema(requiredMode = RequiredMode.REQUIRED, example = "404")
        int status,

        @Schema(description = "what went wrong and what to do about it")
        String detail,

        @Schema(description = "the request's path") String instance,

        @Schema(requiredMode = RequiredMode.REQUIRED, example = "not_found")
        String code,

        @JsonProperty("request_id") @Schema(description = "the X-Request-Id of the request")
        String requestId,

        @Schema(description = "with validation_failed: which fields, and why")
        List<FieldError> errors,

        @JsonProperty("retry_after_seconds")
        @Schema(description = "with 429 and waits: when to ask again, as Retry-After says")
        Long retryAfterSeconds) {

    @Schema(name = "ProblemFieldError")
    record FieldError(
            @Schema(requiredMode = RequiredMode.REQUIRED) String field,
            @Schema(requiredMode = RequiredMode.REQUIRED) String message) {}
}
