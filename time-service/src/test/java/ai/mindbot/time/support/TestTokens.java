package ai.mindbot.time.support;

import java.time.Instant;
import java.util.UUID;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;

/** Access tokens as the auth service mints them, signed with the test's JWT_SECRET. */
public final class TestTokens {

    public static final String SECRET = "test-secret-for-the-time-service-its-at-least-32-bytes";

    private TestTokens() {
    }

    public static String user(String userId) {
        return token(userId, userId + "@example.com", "user");
    }

    public static String user(String userId, String email) {
        return token(userId, email, "user");
    }

    public static String agent() {
        return token("service:agent", null, "agent");
    }

    public static String admin(String userId) {
        return token(userId, userId + "@example.com", "admin", "user");
    }

    private static String token(String subject, String email, String... roles) {
        Instant now = Instant.now();
        var builder = JWT.create().withIssuer("mindbot-auth").withSubject(subject).withIssuedAt(now)
                .withExpiresAt(now.plusSeconds(3600)).withJWTId(UUID.randomUUID().toString())
                .withArrayClaim("roles", roles);
        if (email != null) {
            builder.withClaim("email", email);
        }
        return builder.sign(Algorithm.HMAC256(SECRET));
    }
}
