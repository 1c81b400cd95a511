package ai.mindbot.auth.token;

import ai.mindbot.common.config.ConfigValues;
import ai.mindbot.common.config.DataDirectory;
import ai.mindbot.common.config.DevelopmentSecretFile;
import ai.mindbot.common.config.MisconfigurationException;
import ai.mindbot.common.config.RuntimeMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * The agent's credential ({@code AGENT_API_KEY}). In development, when unset, one is generated once
 * into {@code <MINDBOT_DATA_DIR>/agent-api-key} (owner-only) so an agent on the same machine can read
 * it; production requires it, at least 32 characters. Only its SHA-256 stays in memory, and checks
 * compare digests in constant time, so neither content nor length leaks through timing.
 */
final class AgentApiKey {

    public static final int MIN_LENGTH = 32;
    static final String FILE_NAME = "agent-api-key";
    private static final Logger log = LoggerFactory.getLogger(AgentApiKey.class);

    private final byte[] digest;

    private AgentApiKey(String key) {
        this.digest = sha256(key);
    }

    public static AgentApiKey from(Environment environment) {
        String configured = ConfigValues.of(environment).text("AGENT_API_KEY", null);
        boolean production = RuntimeMode.of(environment).isProduction();
        if (configured != null) {
            if (production && configured.length() < MIN_LENGTH) {
                throw new MisconfigurationException("AGENT_API_KEY must be at least " + MIN_LENGTH
                        + " characters in production; generate one with: openssl rand -base64 48");
            }
            return new AgentApiKey(configured);
        }
        if (production) {
            throw new MisconfigurationException("AGENT_API_KEY is required in production (MINDBOT_ENV=production)");
        }
        return new AgentApiKey(developmentKey(DataDirectory.of(environment).resolve(FILE_NAME)));
    }

    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    private static String developmentKey(Path file) {
        DevelopmentSecretFile.Secret key = DevelopmentSecretFile.readOrCreate(
                file, random -> Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        if (key.generated()) {
            log.warn("DEVELOPMENT MODE: generated an agent API key in {}; set AGENT_API_KEY for production", file);
        }
        return key.value();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    @Override
    public String toString() {
        return "AgentApiKey[***]";
    }
}
