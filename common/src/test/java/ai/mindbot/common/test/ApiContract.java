package ai.mindbot.common.test;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's API document as it serves it at {@code /v3/api-docs}, checked against the service
 * itself: every controller mapping is in it, and real answers match the schema it documents for
 * their status and media type (JSON Schema 2020-12, which OpenAPI 3.1 schemas are).
 */
public final class ApiContract {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final JsonNode document;

    private ApiContract(JsonNode document) {
        this.document = document;
    }

    /** Fetches the document over HTTP, without a token: it is public. */
    public static ApiContract of(Http http) {
        Http.Response response = http.get("/v3/api-docs");
        if (response.status() != 200 || !response.contentType().startsWith("application/json")) {
            throw new AssertionError("GET /v3/api-docs answered " + response.status() + " " + response.contentType()
                    + ": " + response.body());
        }
        return of(response.json());
    }

    public static ApiContract of(JsonNode document) {
        return new ApiContract(document);
    }

    public JsonNode document() {
        return document;
    }

    /** "GET /time/pricing", ... for every operation the document names. */
    public Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(op -> {
                    if (List.of("get", "put", "post", "delete", "patch", "head", "options")
                            .contains(op.getKey())) {
                        operations.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));
        return operations;
    }

    /**
     * The service's own controller mappings (not springdoc's, not Boot's /error or actuator's), as
     * {@link #operations()} spells them. The servlet must have served a request (it maps lazily).
     */
    public static Set<String> endpointsOf(DispatcherServlet servlet) {
        Set<String> endpoints = new TreeSet<>();
        servlet.getHandlerMappings().stream()
                .filter(RequestMappingHandlerMapping.class::isInstance)
                .forEach(m -> endpoints.addAll(endpointsOf((RequestMappingHandlerMapping) m)));
        return endpoints;
    }

    private static Set<String> endpointsOf(RequestMappingHandlerMapping mapping) {
        Set<String> endpoints = new TreeSet<>();
        mapping.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            String type = handler.getBeanType().getName();
            if (type.startsWith("org.springdoc.") || type.startsWith("org.springframework.")) {
                return;
            }
            for (String path : info.getPatternValues()) {
                info.getMethodsCondition().getMethods().forEach(method -> endpoints.add(method.name() + " " + path));
            }
        });
        return endpoints;
    }

    /** The operation, which must be documented. */
    public JsonNode operation(String method, String pathTemplate) {
        JsonNode operation = document.path("paths").path(pathTemplate).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            throw new AssertionError("the document has no " + method + " " + pathTemplate);
        }
        return operation;
    }

    /**
     * Checks a real answer: its status is documented for the operation (an error status may fall
     * under {@code default}), its media type is one the document lists, and its body matches that
     * schema. A problem answer under a status of its own must also carry one of the codes documented
     * there (each code is an example): a client switches on the code, so an undocumented one is a
     * gap in the document. Answers with no body need a documented status only.
     */
    public Http.Response assertAnswer(String method, String pathTemplate, Http.Response answer) {
        JsonNode responses = operation(method, pathTemplate).path("responses");
        JsonNode response = responses.path(String.valueOf(answer.status()));
        if (response.isMissingNode() && answer.status() >= 400) {
            response = responses.path("default");
        }
        String where = method + " " + pathTemplate + " " + answer.status();
        if (response.isMissingNode()) {
            throw new AssertionError(where + " is not a documented answer; documented: " + names(responses));
        }
        if (answer.body().isEmpty()) {
            return answer;
        }
        String mediaType = answer.contentType().split(";")[0].strip();
        JsonNode content = response.path("content");
        JsonNode media = content.path(mediaType);
        if (media.isMissingNode()) {
            media = content.path("*/*");
        }
        if (media.isMissingNode()) {
            throw new AssertionError(where + " answered " + mediaType + "; documented: " + names(content));
        }
        if (!mediaType.endsWith("json")) {
            return answer;
        }
        List<Error> errors = schema(media.path("schema")).validate(answer.json());
        if (!errors.isEmpty()) {
            throw new AssertionError(where + " does not match its documented schema:\n  "
                    + errors.stream().map(Error::toString).collect(Collectors.joining("\n  ")) + "\nanswer: "
                    + answer.body());
        }
        if (mediaType.equals(PROBLEM_JSON) && responses.has(String.valueOf(answer.status()))) {
            assertDocumentedCode(where, media, answer.json().path("code").asString(""));
        }
        return answer;
    }

    private static void assertDocumentedCode(String where, JsonNode media, String code) {
        JsonNode examples = media.path("examples");
        if (!examples.has(code)) {
            throw new AssertionError(where + " answered code \"" + code + "\", which the document does not list "
                    + "under that status; documented: " + names(examples));
        }
    }

    /** The schema with the document's components beside it, so its #/components/schemas/... refs resolve. */
    private Schema schema(JsonNode schema) {
        ObjectNode root = schema.isObject() ? ((ObjectNode) schema).deepCopy() : JsonNodeFactory.instance.objectNode();
        root.put("$schema", SpecificationVersion.DRAFT_2020_12.getDialectId());
        root.set("components", document.path("components"));
        return SCHEMAS.getSchema(root);
    }

    private static String names(JsonNode object) {
        return object.propertyNames().toString();
    }
}
