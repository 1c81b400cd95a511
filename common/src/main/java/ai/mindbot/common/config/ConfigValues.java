package ai.mindbot.common.config;

import java.util.Optional;
import org.springframework.core.env.Environment;

/**
 * The one way a service reads a setting by its environment name (the names the integration guide
 * fixes: {@code STRIPE_SECRET_KEY}, {@code DATABASE_URL}, ...). The value may come from the process
 * environment, {@code .env} or a Spring property, as Spring's {@link Environment} merges them; a
 * blank value means "not set" (an {@code .env} line {@code KEY=} must not switch a feature on), and
 * surrounding whitespace is never part of a value. Structured groups of settings still bind as
 * {@code @ConfigurationProperties} records; this is for the single named values read at start-up.
 */
public final class ConfigValues {

    private final Environment environment;

    private ConfigValues(Environment environment) {
        this.environment = environment;
    }

    public static ConfigValues of(Environment environment) {
        return new ConfigValues(environment);
    }

    /** The setting, stripped; empty when absent or blank. */
    public Optional<String> text(String name) {
        String value = environment.getProperty(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** The setting, stripped, or {@code fallback} when absent or blank. */
    public String text(String name, String fallback) {
        return text(name).orElse(fallback);
    }

    /** The setting as a number, or {@code fallback} when absent or blank. */
    public long number(String name, long fallback) {
        return text(name)
                .map(value -> {
                    try {
                        return Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new MisconfigurationException(name + " must be a whole number, not \"" + value + "\"");
                    }
                })
                .orElse(fallback);
    }

    public boolean isSet(String name) {
        return text(name).isPresent();
    }
}
