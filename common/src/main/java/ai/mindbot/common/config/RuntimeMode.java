package ai.mindbot.common.config;

import org.springframework.core.env.Environment;

/**
 * Development (the default: generated secrets, LiveKit dev keys, simulated payments) or
 * production ({@code MINDBOT_ENV=production}: every secret must be configured and strong).
 */
public enum RuntimeMode {
    DEVELOPMENT,
    PRODUCTION;

    public static RuntimeMode of(Environment environment) {
        String value = ConfigValues.of(environment).text("MINDBOT_ENV", "development");
        return "production".equalsIgnoreCase(value) ? PRODUCTION : DEVELOPMENT;
    }

    public boolean isProduction() {
        return this == PRODUCTION;
    }
}
