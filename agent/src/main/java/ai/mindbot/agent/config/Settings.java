package ai.mindbot.agent.config;

import java.util.Map;
import java.util.Optional;

/**
 * Named settings read from an environment map. A blank value means "not set" (an {@code .env} line
 * {@code AGENT_MAX_JOBS=} must neither switch anything on nor crash the worker), surrounding
 * whitespace is never part of a value, and a value that should be a number and is not is refused
 * with a message naming the setting, which {@code AgentMain} prints.
 */
public final class Settings {

    private final Map<String, String> env;

    private Settings(Map<String, String> env) {
        this.env = env;
    }

    public static Settings of(Map<String, String> env) {
        return new Settings(env);
    }

    /** The setting, stripped; empty when absent or blank. */
    public Optional<String> text(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** The setting, stripped, or {@code fallback} when absent or blank. */
    public String text(String name, String fallback) {
        return text(name).orElse(fallback);
    }

    /** The setting as a whole number, or {@code fallback} when absent or blank. */
    public long number(String name, long fallback) {
        return text(name)
                .map(value -> {
                    try {
                        return Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(name + " must be a whole number, not \"" + value + "\"");
                    }
                })
                .orElse(fallback);
    }

    /** {@link #number} for settings that are counts or ports: within int range. */
    public int smallNumber(String name, int fallback) {
        long value = number(name, fallback);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " is out of range: " + value);
        }
        return (int) value;
    }

    public boolean isSet(String name) {
        return text(name).isPresent();
    }

    /** {@code MINDBOT_ENV=production}, in any case. */
    public boolean production() {
        return "production".equalsIgnoreCase(text("MINDBOT_ENV", ""));
    }
}
