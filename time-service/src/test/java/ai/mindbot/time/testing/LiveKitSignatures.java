package ai.mindbot.time.testing;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Signs a webhook body the way livekit-server does (HS256 JWT, iss = API key, claim sha256 =
 * base64 SHA-256 of the body; sent as the bare Authorization header), independently of the SDK
 * the service verifies with.
 */
public final class LiveKitSignatures {

    private LiveKitSignatures() {}

    /** The headers livekit-server --dev (key "devkey", secret "secret") sends with this webhook body. */
    public static Map<String, String> developmentWebhookHeaders(String body) {
        return Map.of("Content-Type", "application/webhook+json", "Authorization", sign(body, "devkey", "secret"));
    }

    public static String sign(String body, String apiKey, String apiSecret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return JWT.create()
                    .withIssuer(apiKey)
                    .withClaim("sha256", Base64.getEncoder().encodeToString(digest))
                    .withNotBefore(Instant.now().minusSeconds(5))
                    .withExpiresAt(Instant.now().plusSeconds(300))
                    .sign(Algorithm.HMAC256(apiSecret));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
