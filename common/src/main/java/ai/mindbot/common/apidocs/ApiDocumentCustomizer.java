package ai.mindbot.common.apidocs;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * What every MindBot document shares: the {@code Problem} schema and the bearer scheme, and for
 * each operation its security and the problem answers nobody needs to annotate: 401 and 403 as the
 * service's security rules decide ({@link EndpointAccess}), 400 for a body that cannot be read,
 * and {@code default} for what any request can meet (413, 415, 429 at the edge, 500).
 */
final class ApiDocumentCustomizer implements OpenApiCustomizer {

    static final String BEARER = "bearer";

    private final List<SecurityFilterChain> chains;

    ApiDocumentCustomizer(List<SecurityFilterChain> chains) {
        this.chains = chains;
    }

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        @SuppressWarnings("rawtypes")
        Map<String, Schema> problem = ModelConverters.getInstance(true).readAll(ProblemDocument.class);
        problem.forEach(components::addSchemas);
        components.addSecuritySchemes(
                BEARER,
                new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("An access token from auth-service (POST /auth/login, /auth/refresh, "
                                + "/auth/service-token): HS256, roles in the `roles` claim. Requirements list the roles "
                                + "that are let in."));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    secure(operation, EndpointAccess.of(chains, method.name(), EndpointAccess.concrete(path)));
                    if (operation.getRequestBody() != null) {
                        ProblemResponses.add(
                                operation, 400, "validation_failed", "a field of the body is missing or invalid");
                        ProblemResponses.add(
                                operation, 400, "malformed_body", "the body is not JSON of the expected shape");
                    }
                    ProblemResponses.add(operation, 500, "internal_error", "a fault on our side; quote the request_id");
                    operation
                            .getResponses()
                            .addApiResponse(
                                    "default",
                                    new ApiResponse()
                                            .description(
                                                    "Any other refusal (413 body_too_large, 415, 405, 429 from the edge...): problem+json")
                                            .content(new Content()
                                                    .addMediaType(
                                                            ProblemResponses.MEDIA_TYPE,
                                                            new MediaType()
                                                                    .schema(new Schema<>()
                                                                            .$ref("#/components/schemas/"
                                                                                    + ProblemResponses.SCHEMA)))));
                    sortResponses(operation);
                }));
    }

    private static void secure(Operation operation, EndpointAccess access) {
        if (!access.needsToken()) {
            operation.setSecurity(List.of()); // explicitly none
            return;
        }
        operation.addSecurityItem(new SecurityRequirement().addList(BEARER, access.roles()));
        ProblemResponses.add(operation, 401, "unauthorized", "no bearer token, or not a valid one");
        if (access.needsRole()) {
            ProblemResponses.add(
                    operation,
                    403,
                    "forbidden",
                    "the token's roles do not include " + String.join(" or ", access.roles()));
        }
    }

    /** Statuses in numeric order, then {@code default}: the order a reader expects. */
    private static void sortResponses(Operation operation) {
        ApiResponses sorted = new ApiResponses();
        operation.getResponses().entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().equals("default") ? "999" : e.getKey()))
                .forEach(e -> sorted.addApiResponse(e.getKey(), e.getValue()));
        operation.setResponses(sorted);
    }
}
