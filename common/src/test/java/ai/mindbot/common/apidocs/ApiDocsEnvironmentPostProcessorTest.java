package ai.mindbot.common.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ApiDocsEnvironmentPostProcessorTest {

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new ApiDocsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void swaggerUiIsOffInProductionWhateverIsConfigured() {
        StandardEnvironment production =
                environment(Map.of("MINDBOT_ENV", "production", "springdoc.swagger-ui.enabled", "true"));
        assertThat(production.getProperty("springdoc.swagger-ui.enabled")).isEqualTo("false");
        assertThat(new ApiDocuments(false).publicPaths().toString()).doesNotContain("swagger-ui");
    }

    @Test
    void developmentKeepsSpringdocsDefault() {
        assertThat(environment(Map.of()).getProperty("springdoc.swagger-ui.enabled"))
                .isNull();
        assertThat(new ApiDocuments(true).publicPaths().toString()).contains("swagger-ui");
    }
}
