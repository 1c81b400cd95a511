package ai.mindbot.common.security;

import org.springframework.core.env.Environment;

/** The issuer every MindBot access token carries and every service checks. */
public record JwtSettings(byte[] secret, String issuer) {

    public static final String DEFAULT_ISSUER = "mindbot-auth";

    public static JwtSettings from(Environment environment) {
        return new JwtSettings(JwtSecret.resolve(environment), environment.getProperty("JWT_ISSUER", DEFAULT_ISSUER));
    }
}
