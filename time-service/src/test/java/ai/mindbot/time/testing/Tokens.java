package ai.mindbot.time.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;

/** Access tokens as the auth service mints them, made with java-jwt (independent of the verifier). */
public final class Tokens {

    public static final String JWT_SECRET = "time-service-test-secret-long-enough-for-hs256-0123456789";

    private Tokens() {
    }

    public static String user(String userId) {
        return token(userId, "user");
    }

    public static String admin(String userId) {
        return token(userId, "admin");
    }

    public static String token(String subject, String... roles) {
        return JWT.create().withSubject(subject).withIssuer("mindbot-auth")
                .withClaim("email", "user" + subject + "@example.com").withClaim("roles", List.of(roles))
                .withIssuedAt(Instant.now()).withExpiresAt(Instant.now().plusSeconds(600))
                .sign(Algorithm.HMAC256(JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
    }
}
