package ai.mindbot.common.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

import ai.mindbot.common.config.DataDirectory;
import ai.mindbot.common.config.MisconfigurationException;
import ai.mindbot.common.config.RuntimeMode;

/**
 * The HS256 key shared by the services. From {@code JWT_SECRET}; in development, when unset, a
 * random one is generated once and kept in the data directory so every service (and every restart)
 * agrees on it. Production refuses anything under 32 bytes. The value itself is never logged.
 */
public final class JwtSecret {

    public static final int MIN_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(JwtSecret.class);

    private JwtSecret() {
    }

    public static byte[] resolve(Environment environment) {
        String configured = environment.getProperty("JWT_SECRET");
        RuntimeMode mode = RuntimeMode.of(environment);
        if (configured != null && !configured.isBlank()) {
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

    private static synchronized byte[] generatedDevelopmentSecret(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] random = new byte[48];
                new SecureRandom().nextBytes(random);
                Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "jwt-secret", ".tmp");
                restrictToOwner(tmp);
                Files.writeString(tmp, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
                try {
                    Files.move(tmp, file);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    Files.deleteIfExists(tmp); // another service generated it first: use theirs
                }
                log.warn("DEVELOPMENT MODE: generated a random JWT secret in {}; set JWT_SECRET for production", file);
            } else {
                log.warn("DEVELOPMENT MODE: using the generated JWT secret in {}", file);
            }
            return Files.readString(file).strip().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the development JWT secret at " + file, e);
        }
    }

    private static void restrictToOwner(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file stays with the directory's permissions
        }
    }
}
