package ai.mindbot.common.apidocs;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.security.web.SecurityFilterChain;

/** The shared parts of every service's API document; see the package description. */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class ApiDocsAutoConfiguration {

    @Bean
    ApiDocuments apiDocuments(Environment environment) {
        return new ApiDocuments(environment.getProperty("springdoc.swagger-ui.enabled", Boolean.class, true));
    }

    @Bean
    OpenAPI apiInfo(Environment environment) {
        String service = environment.getProperty("spring.application.name", "mindbot");
        return new OpenAPI()
                .info(new Info()
                        .title("MindBot " + service)
                        .version("v1")
                        .description("Every endpoint of " + service + ": requests, answers and problem answers "
                                + "(application/problem+json, schema Problem). JSON members are snake_case; "
                                + "seconds and cents are integers."));
    }

    /**
     * Schemas in the JSON the services write: Spring's mapper is snake_case (mindbot-defaults),
     * swagger-core's own mapper must be told too.
     */
    @Bean
    ModelResolver snakeCaseModels() {
        return new ModelResolver(Json31.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
                .openapi31(true);
    }

    @Bean
    OpenApiCustomizer mindbotApiDocument(ObjectProvider<SecurityFilterChain> chains) {
        return api -> new ApiDocumentCustomizer(chains.orderedStream().toList()).customise(api);
    }

    /** Each {@link Refusal} on a handler method, as a problem answer of its operation. */
    @Bean
    OperationCustomizer refusals() {
        return (operation, handler) -> {
            AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(), Refusal.class)
                    .forEach(r -> ProblemResponses.add(operation, r.status(), r.code(), r.when()));
            return operation;
        };
    }
}
