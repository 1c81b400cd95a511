package ai.mindbot.common.test;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Access tokens as the auth service mints them (HS256; iss, sub, email, roles, iat, exp, jti), made
 * with java-jwt, independently of the verifier under test. Every service under test is started with
 * {@link #SECRET} as its {@code JWT_SECRET}.
 */
public final class Tokens {

    public static final String SECRET = "mindbot-tests-jwt-secret-long-enough-for-hs256-0123456789";
    public static final String ISSUER = "mindbot-auth";

    private Tokens() {}

    public static String user(String userId) {
        return user(userId, userId + "@example.com");
    }

    public static String user(String userId, String email) {
        return token(userId, email, "user");
    }

    /** What auth mints for an address in ADMIN_USERS: a user who is also an admin. */
    public static String admin(String userId, String email) {
        return token(userId, email, "user", "admin");
    }

    /** A token with the admin role alone: admin routes accept it, user routes refuse it. */
    public static String adminOnly(String userId) {
        return token(userId, userId + "@example.com", "admin");
    }

    /** The agent's service token (no email). */
    public static String agent() {
        return token("service:agent", null, "agent");
    }

    public static String token(String subject, String email, String... roles) {
        return sign(subject, email, List.of(roles), Instant.now().plusSeconds(3600), SECRET);
    }

    /** A token that expired ten minutes ago. */
    public static String expired(String subject, String email, String... roles) {
        return sign(subject, email, List.of(roles), Instant.now().minusSeconds(600), SECRET);
    }

    /** A token signed with a secret no service under test knows. */
    public static String forged(String subject, String email, String... roles) {
        return sign(
                subject,
                email,
                List.of(roles),
                Instant.now().plusSeconds(3600),
                "not-the-secret-but-long-enough-0123456789-abcdef");
    }

    /** Any token. */
    public static String sign(String subject, String email, List<String> roles, Instant expires, String secret) {
        var builder = JWT.create()
                .withIssuer(ISSUER)
                .withSubject(subject)
                .withClaim("roles", roles)
                .withIssuedAt(Instant.now().minusSeconds(5))
                .withExpiresAt(expires)
                .withJWTId(UUID.randomUUID().toString());
        if (email != null) {
            builder.withClaim("email", email);
        }
        return builder.sign(Algorithm.HMAC256(secret.getBytes(StandardCharsets.UTF_8)));
    }
}
