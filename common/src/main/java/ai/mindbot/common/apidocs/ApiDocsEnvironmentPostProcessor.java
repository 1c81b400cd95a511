package ai.mindbot.common.apidocs;

import ai.mindbot.common.config.RuntimeMode;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Swagger UI off in production ({@code MINDBOT_ENV=production}), whatever else is configured: it is
 * a development tool with its own scripts and styles, and nobody should try calls on live money.
 * The document itself stays public in every mode. Runs after the configuration files and .env are read.
 */
public class ApiDocsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (RuntimeMode.of(environment).isProduction()) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "mindbot-production-api-docs", Map.of("springdoc.swagger-ui.enabled", "false")));
        }
    }
}
