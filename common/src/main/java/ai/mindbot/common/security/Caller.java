package ai.mindbot.common.security;

import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who is calling, as the verified access token says: the user id ({@code sub}), email and roles. */
public record Caller(String userId, String email, Set<String> roles) {

    public static final String ROLE_ADMIN = "admin";
    public static final String ROLE_AGENT = "agent";
    public static final String ROLE_USER = "user";

    public static Caller of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return new Caller(
                jwt.getSubject(), jwt.getClaimAsString("email"), roles == null ? Set.of() : Set.copyOf(roles));
    }

    public boolean is(String role) {
        return roles.contains(role);
    }
}
