package ai.mindbot.auth.livekit;

import ai.mindbot.common.config.ConfigValues;
import ai.mindbot.common.config.MisconfigurationException;
import ai.mindbot.common.config.RuntimeMode;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * Where clients find LiveKit and the key pair our tokens are signed with ({@code LIVEKIT_URL},
 * {@code LIVEKIT_API_KEY}, {@code LIVEKIT_API_SECRET}). Development falls back to
 * {@code livekit-server --dev} (ws://localhost:7880, devkey/secret) and says so; production refuses
 * to start on those or on anything missing, since anyone knows the dev secret.
 */
public record LiveKitSettings(String url, String apiKey, String apiSecret, Duration tokenTtl) {

    static final String DEV_URL = "ws://localhost:7880";
    static final String DEV_KEY = "devkey";
    static final String DEV_SECRET = "secret";
    /** livekit-server itself refuses shorter secrets outside --dev. */
    static final int MIN_SECRET_LENGTH = 32;

    private static final Logger log = LoggerFactory.getLogger(LiveKitSettings.class);

    public static LiveKitSettings from(Environment env) {
        ConfigValues config = ConfigValues.of(env);
        String url = config.text("LIVEKIT_URL", null);
        String key = config.text("LIVEKIT_API_KEY", null);
        String secret = config.text("LIVEKIT_API_SECRET", null);
        Duration ttl = Duration.ofSeconds(config.number("LIVEKIT_TOKEN_TTL_SECONDS", 6 * 3600L));
        if (RuntimeMode.of(env).isProduction()) {
            if (url == null || key == null || secret == null) {
                throw new MisconfigurationException("LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET are required "
                        + "in production (MINDBOT_ENV=production)");
            }
            if (DEV_KEY.equals(key) || DEV_SECRET.equals(secret) || secret.length() < MIN_SECRET_LENGTH) {
                throw new MisconfigurationException("LIVEKIT_API_KEY/LIVEKIT_API_SECRET must be your real LiveKit keys "
                        + "in production: not devkey/secret, and a secret of at least " + MIN_SECRET_LENGTH
                        + " characters");
            }
            return new LiveKitSettings(url, key, secret, ttl);
        }
        if (key == null || secret == null) {
            log.warn("DEVELOPMENT MODE: LIVEKIT_API_KEY/LIVEKIT_API_SECRET not set; signing LiveKit tokens with the "
                    + "public dev keys devkey/secret (livekit-server --dev). Never expose this setup.");
            key = DEV_KEY;
            secret = DEV_SECRET;
        }
        if (url == null) {
            log.warn("DEVELOPMENT MODE: LIVEKIT_URL not set; clients are sent to {}", DEV_URL);
            url = DEV_URL;
        }
        return new LiveKitSettings(url, key, secret, ttl);
    }

    @Override
    public String toString() {
        return "LiveKitSettings[url=" + url + ", apiKey=" + apiKey + ", apiSecret=***, tokenTtl=" + tokenTtl + "]";
    }
}
