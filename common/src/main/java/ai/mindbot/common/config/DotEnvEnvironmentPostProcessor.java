package ai.mindbot.common.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Adds {@code ./.env} (or the file named by {@code MINDBOT_ENV_FILE}) as a property source just
 * below the real environment, so an exported variable always wins over the file.
 */
public class DotEnvEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "dotenv";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        String file = environment.getProperty("MINDBOT_ENV_FILE", ".env");
        Map<String, Object> values = new HashMap<>(DotEnv.read(Path.of(file)));
        if (values.isEmpty()) {
            return;
        }
        MapPropertySource source = new MapPropertySource(SOURCE_NAME, values);
        String env = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        if (environment.getPropertySources().contains(env)) {
            environment.getPropertySources().addAfter(env, source);
        } else {
            environment.getPropertySources().addLast(source);
        }
    }
}
