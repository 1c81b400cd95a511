package ai.mindbot.common.security;

import ai.mindbot.common.config.ConfigValues;
import ai.mindbot.common.config.DataDirectory;
import ai.mindbot.common.config.DevelopmentSecretFile;
import ai.mindbot.common.config.MisconfigurationException;
import ai.mindbot.common.config.RuntimeMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * The HS256 key shared by the services. From {@code JWT_SECRET}; in development, when unset, a
 * random one is generated once and kept in the data directory so every service (and every restart)
 * agrees on it. Production refuses anything under 32 bytes. The value itself is never logged.
 */
public final class JwtSecret {

    public static final int MIN_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(JwtSecret.class);

    private JwtSecret() {}

    public static byte[] resolve(Environment environment) {
        String configured = ConfigValues.of(environment).text("JWT_SECRET", null);
        RuntimeMode mode = RuntimeMode.of(environment);
        if (configured != null) {
            byte[] key = configured.getBytes(StandardCharsets.UTF_8);
            if (key.length < MIN_BYTES) {
                // HS256 needs a 256-bit key (RFC 7518 3.2); the JWT libraries refuse shorter ones anyway.
                throw new MisconfigurationException("JWT_SECRET must be at least " + MIN_BYTES
                        + " bytes; generate one with: openssl rand -base64 48");
            }
            return key;
        }
        if (mode.isProduction()) {
            throw new MisconfigurationException("JWT_SECRET is required in production (MINDBOT_ENV=production)");
        }
        return generatedDevelopmentSecret(DataDirectory.of(environment).resolve("jwt-secret"));
    }

    private static byte[] generatedDevelopmentSecret(Path file) {
        DevelopmentSecretFile.Secret secret = DevelopmentSecretFile.readOrCreate(
                file, random -> Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        if (secret.generated()) {
            log.warn("DEVELOPMENT MODE: generated a random JWT secret in {}; set JWT_SECRET for production", file);
        } else {
            log.warn("DEVELOPMENT MODE: using the generated JWT secret in {}", file);
        }
        return secret.value().getBytes(StandardCharsets.UTF_8);
    }
}
