package ai.mindbot.common.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Puts {@code mindbot-defaults.properties} (health at /health, metrics at /metrics, snake_case JSON,
 * no stack traces) under every service's own configuration, so each service states only what differs.
 */
public class MindbotDefaultsPostProcessor implements EnvironmentPostProcessor {

    private static final String NAME = "mindbot-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(NAME)) {
            return;
        }
        try {
            environment
                    .getPropertySources()
                    .addLast(new ResourcePropertySource(NAME, new ClassPathResource("mindbot-defaults.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
