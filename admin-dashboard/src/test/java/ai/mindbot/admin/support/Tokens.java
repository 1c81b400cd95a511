package ai.mindbot.admin.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;

/** Access tokens as the auth service mints them (HS256, iss, sub, email, roles, exp), made independently of the code under test. */
public final class Tokens {

    public static final String SECRET = "admin-dashboard-tests-secret-0123456789-abcdefghij";
    public static final String ISSUER = "mindbot-auth";

    private Tokens() {
    }

    public static String admin(String id, String email) {
        return token(id, email, List.of("user", "admin"), Instant.now().plusSeconds(3600), SECRET);
    }

    public static String user(String id, String email) {
        return token(id, email, List.of("user"), Instant.now().plusSeconds(3600), SECRET);
    }

    public static String agent() {
        return token("service:agent", null, List.of("agent"), Instant.now().plusSeconds(3600), SECRET);
    }

    public static String expiredAdmin() {
        return token("1", "admin@mindbot.test", List.of("admin"), Instant.now().minusSeconds(600), SECRET);
    }

    public static String forgedAdmin() {
        return token("1", "admin@mindbot.test", List.of("admin"), Instant.now().plusSeconds(3600),
                "not-the-secret-but-long-enough-0123456789-abcdef");
    }

    private static String token(String sub, String email, List<String> roles, Instant expires, String secret) {
        var builder = JWT.create().withIssuer(ISSUER).withSubject(sub).withClaim("roles", roles)
                .withIssuedAt(Instant.now().minusSeconds(5)).withExpiresAt(expires)
                .withJWTId(UUID.randomUUID().toString());
        if (email != null) {
            builder.withClaim("email", email);
        }
        return builder.sign(Algorithm.HMAC256(secret));
    }
}
